namespace SelfishGen;

/// <summary>
/// Declares the augmented views a method compares: each training image is augmented once per listed pipeline.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ViewsAttribute(params ViewAugmentation[] views) : Attribute
{
    /// <summary>The pipeline of each view, in order.</summary>
    public ViewAugmentation[] Views { get; } = views;

    /// <summary>Extra small crops (DINO's multi-crop, about 3/7 of the image side) seen by the online network only.</summary>
    public int LocalCrops { get; set; }
}
