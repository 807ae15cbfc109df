using static TorchSharp.torch;

namespace SelfishGen.Augmentations;

/// <summary>Scales contrast: a blend with uniform gray at the image's mean luma, by a per-sample factor in [min, max].</summary>
public sealed class Contrast(double minFactor, double maxFactor) : FactorBlend(minFactor, maxFactor)
{
    /// <inheritdoc />
    protected override Tensor Target(Tensor images) => Luma.Of(images).mean([1, 2, 3], keepdim: true);
}
