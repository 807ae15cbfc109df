using static TorchSharp.torch;

namespace SelfishGen.Augmentations;

/// <summary>
/// Scales saturation ("Color" in PIL): a blend with the image's grayscale by a per-sample factor in [min, max].
/// Single-channel images are unchanged.
/// </summary>
public sealed class Saturation(double minFactor, double maxFactor) : FactorBlend(minFactor, maxFactor)
{
    /// <inheritdoc />
    protected override Tensor Target(Tensor images) => Luma.Of(images);
}
