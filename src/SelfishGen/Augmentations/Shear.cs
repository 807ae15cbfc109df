using static TorchSharp.torch;

namespace SelfishGen.Augmentations;

/// <summary>
/// Horizontal shear about the image centre by an angle uniform in [<see cref="MinDegrees"/>, <see cref="MaxDegrees"/>]
/// (no vertical shear), same size, zeros where the source is outside the image.
/// </summary>
public sealed class Shear(double minDegrees, double maxDegrees, GridSampleMode interpolation = GridSampleMode.Nearest)
    : IAugmentation
{
    /// <summary>Smallest shear angle, in degrees.</summary>
    public double MinDegrees { get; } = minDegrees;

    /// <summary>Largest shear angle, in degrees.</summary>
    public double MaxDegrees { get; } = maxDegrees;

    /// <inheritdoc />
    public Tensor Apply(Tensor images, Generator random)
    {
        var count = images.shape[0];
        var slope = (Draw.Uniform(count, MinDegrees, MaxDegrees, random) * (Math.PI / 180)).tan();
        var (one, zero) = (ones(count, float64), zeros(count, float64));
        var linear = AffineWarp.Matrices(one, -slope, zero, one);
        return AffineWarp.InPixels(images, linear, zeros(count, 2, float64), interpolation);
    }
}
