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

    /// <summary>
    /// Denoise only: side in pixels of the patches the target is normalised over, each to mean 0 and variance 1 across
    /// its pixels and channels (MAE's normalised pixels), the decoder's output then unbounded; 0 reconstructs the
    /// pixels themselves, in [0, 1].
    /// </summary>
    public int NormalizedPatch { get; set; }
}
