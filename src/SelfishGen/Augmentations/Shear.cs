using static TorchSharp.torch;

namespace SelfishGen.Augmentations;

/// <summary>Horizontal shear about the image centre by the drawn angle (no vertical shear).</summary>
public sealed class Shear(double minDegrees, double maxDegrees, GridSampleMode interpolation = GridSampleMode.Nearest)
    : AngleWarp(minDegrees, maxDegrees, interpolation)
{
    /// <inheritdoc />
    protected override Tensor InverseMap(Tensor radians)
    {
        var (one, zero) = (ones_like(radians), zeros_like(radians));
        return AffineWarp.Matrices(one, -radians.tan(), zero, one);
    }
}
