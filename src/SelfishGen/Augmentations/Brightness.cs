using static TorchSharp.torch;

namespace SelfishGen.Augmentations;

/// <summary>Scales brightness: a blend with black by a per-sample factor in [min, max].</summary>
public sealed class Brightness(double minFactor, double maxFactor) : FactorBlend(minFactor, maxFactor)
{
    /// <inheritdoc />
    protected override Tensor Target(Tensor images) => zeros(1, dtype: images.dtype, device: images.device);
}
