namespace SelfishGen.Generators.Model;

/// <summary>The concerns a method is composed of: what the emitter wires together. Part of <see cref="MethodModel"/>.</summary>
/// <param name="Objective">The objective.</param>
/// <param name="Pretext">The <c>PretextKind</c> member of the pretext task, or null.</param>
/// <param name="Views">The <c>ViewAugmentation</c> member of each declared built-in view, in order.</param>
/// <param name="ViewTypes">The pipeline of each declared view of the user's own, in order (declared instead of <paramref name="Views"/>).</param>
/// <param name="Projector">Whether the method has a projector.</param>
/// <param name="ProjectorPerView">Whether each branch has its own projector.</param>
/// <param name="Predictor">Whether the method has a predictor.</param>
/// <param name="Momentum">Whether a momentum encoder follows the backbone and projector.</param>
/// <param name="Negatives">Where the negatives come from.</param>
/// <param name="LabEncoders">Whether the backbone sees L and a second encoder sees ab.</param>
/// <param name="Adversarial">Whether a discriminator judges the method's output, in alternating steps.</param>
/// <param name="OwnObjective">The user's objective (<c>[Objective(typeof(...))]</c>), or null.</param>
/// <param name="OwnBackbone">The user's backbone (<c>[Backbone(typeof(...))]</c>), or null.</param>
internal sealed record Composition(
    ObjectiveKind Objective,
    string? Pretext,
    EquatableArray<string> Views,
    EquatableArray<OwnType> ViewTypes,
    bool Projector,
    bool ProjectorPerView,
    bool Predictor,
    bool Momentum,
    NegativesKind Negatives,
    bool LabEncoders,
    bool Adversarial,
    OwnType? OwnObjective,
    OwnType? OwnBackbone)
{
    /// <summary>How many views are declared, built-in or the user's own.</summary>
    public int ViewCount => Views.Count + ViewTypes.Count;
}
