using static TorchSharp.torch;

namespace SelfishGen.Augmentations;

/// <summary>
/// Shifts each image by whole pixels, uniform in ±<see cref="MaxFraction"/> of its width and height (rounded),
/// filling the uncovered part with zeros.
/// </summary>
public sealed class Translate(double maxFraction) : IAugmentation
{
    /// <summary>Largest shift, as a fraction of the image side.</summary>
    public double MaxFraction { get; } = maxFraction;

    /// <inheritdoc />
    public Tensor Apply(Tensor images, Generator random)
    {
        var count = images.shape[0];
        var size = tensor(new double[] { images.shape[3], images.shape[2] }, float64);
        var offset = (Draw.Uniform([count, 2], -MaxFraction, MaxFraction, random) * size).round();
        var identity = eye(2, dtype: float64).expand(count, 2, 2);
        return AffineWarp.InPixels(images, identity, -offset, GridSampleMode.Nearest);
    }
}
