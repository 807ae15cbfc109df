namespace SelfishGen;

/// <summary>
/// Declares the backbone a method builds when its constructor is given none and its <c>Backbone</c> option is
/// <see cref="Modules.BackboneKind.Auto"/>: a non-abstract, non-generic class deriving from
/// <see cref="Modules.Backbone"/>, with a public constructor taking the <see cref="Data.ImageShape"/> of the images.
/// </summary>
/// <remarks>A momentum encoder builds a copy of the backbone: such a backbone must override <see cref="Modules.Backbone.Replicate"/>.</remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class BackboneAttribute(Type backbone) : Attribute
{
    /// <summary>The backbone's type.</summary>
    public Type Backbone { get; } = backbone;
}
