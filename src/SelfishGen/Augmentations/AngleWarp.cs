using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;

namespace SelfishGen.Augmentations;

/// <summary>
/// A same-size linear warp about the image centre set by one angle per sample, uniform in
/// [<see cref="MinDegrees"/>, <see cref="MaxDegrees"/>]; zeros where the source is outside the image.
/// </summary>
public abstract class AngleWarp(double minDegrees, double maxDegrees, GridSampleMode interpolation) : IAugmentation
{
    /// <summary>Smallest angle, in degrees.</summary>
    public double MinDegrees { get; } = minDegrees;

    /// <summary>Largest angle, in degrees.</summary>
    public double MaxDegrees { get; } = maxDegrees;

    private static readonly Scalar RadiansPerDegree = (Math.PI / 180).ToScalar();

    /// <inheritdoc />
    public Tensor Apply(Tensor images, Generator random)
    {
        var radians = Draw.Uniform(images.shape[0], MinDegrees, MaxDegrees, random).mul(RadiansPerDegree);
        return AffineWarp.InPixels(images, InverseMap(radians), zeros(images.shape[0], 2, float64), interpolation);
    }

    /// <summary>
    /// Per-sample N×2×2 matrices mapping output pixel offsets from the centre (x right, y down) to input offsets.
    /// </summary>
    protected abstract Tensor InverseMap(Tensor radians);
}
