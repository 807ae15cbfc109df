namespace SelfishGen.Generators.Parsing;

/// <summary>A part a type of the user's own can play in a declaration: what it must be, and what its constructor may take.</summary>
/// <param name="Attribute">Metadata name of the attribute that names such types.</param>
/// <param name="Part">The part, in words (e.g. <c>objective</c>).</param>
/// <param name="Base">Metadata name of the interface it implements or the class it derives from.</param>
/// <param name="Argument">Metadata name of the one argument its constructor takes.</param>
/// <param name="ArgumentRequired">Whether the constructor must take <paramref name="Argument"/>; else it may take nothing instead.</param>
internal sealed record OwnTypeRole(string Attribute, string Part, string Base, string Argument, bool ArgumentRequired)
{
    /// <summary>A view of <c>[Views(typeof(...), ...)]</c>: an <c>IAugmentation</c>, built from the image shape or from nothing.</summary>
    public static readonly OwnTypeRole View = new(KnownNames.ViewsAttribute, "view pipeline", KnownNames.Augmentation, KnownNames.ImageShape, ArgumentRequired: false);

    /// <summary>The objective of <c>[Objective(typeof(...))]</c>: an <c>IViewObjective</c>, built from an <c>ObjectiveSetup</c> or from nothing.</summary>
    public static readonly OwnTypeRole Objective = new(KnownNames.ObjectiveAttribute, "objective", KnownNames.ViewObjective, KnownNames.ObjectiveSetup, ArgumentRequired: false);

    /// <summary>The backbone of <c>[Backbone(typeof(...))]</c>: a <c>Backbone</c>, built from the image shape.</summary>
    public static readonly OwnTypeRole Backbone = new(KnownNames.BackboneAttribute, "backbone", KnownNames.Backbone, KnownNames.ImageShape, ArgumentRequired: true);

    /// <summary>The type's short name, e.g. <c>IViewObjective</c>.</summary>
    public string BaseName => Base.Substring(Base.LastIndexOf('.') + 1);

    /// <summary>The argument type's short name, e.g. <c>ImageShape</c>.</summary>
    public string ArgumentName => Argument.Substring(Argument.LastIndexOf('.') + 1);
}
