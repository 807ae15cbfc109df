namespace SelfishGen;

/// <summary>
/// Declares a reconstruction objective: a convolutional decoder on the backbone's feature maps is trained with mean
/// squared error to produce the pretext task's target image.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ReconstructionAttribute : Attribute
{
    /// <summary>
    /// Inpaint only: weight of the error outside the erased blocks, in [0, 1]; inside weighs 1. The context encoder's
    /// 0 scores the erased blocks alone.
    /// </summary>
    public double OutsideWeight { get; set; }
}
