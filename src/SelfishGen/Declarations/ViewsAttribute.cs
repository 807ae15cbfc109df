using SelfishGen.Augmentations;

namespace SelfishGen;

/// <summary>
/// Declares the augmented views a method compares: each training image is augmented once per listed pipeline, a
/// built-in one (<see cref="ViewAugmentation"/>) or one of your own (a type implementing <see cref="IAugmentation"/>).
/// With a <see cref="PretextAttribute"/> instead of an objective on views, the one view declared augments each image
/// before the pretext task makes its inputs and targets.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ViewsAttribute(params ViewAugmentation[] views) : Attribute
{
    /// <summary>
    /// Views made by pipelines of your own, in order: each a non-abstract, non-generic class implementing
    /// <see cref="IAugmentation"/>, with a public constructor taking the <see cref="Data.ImageShape"/> of the images
    /// or nothing (e.g. a <see cref="Compose"/> of the library's augmentations).
    /// </summary>
    public ViewsAttribute(Type view, params Type[] more) : this() => Types = [view, .. more];

    /// <summary>The built-in pipeline of each view, in order.</summary>
    public ViewAugmentation[] Views { get; } = views;

    /// <summary>The pipelines of your own, one per view, in order; empty when the views are built-in.</summary>
    public Type[] Types { get; } = [];

    /// <summary>Extra small crops (DINO's multi-crop, about 3/7 of the image side) seen by the online network only.</summary>
    public int LocalCrops { get; set; }
}
