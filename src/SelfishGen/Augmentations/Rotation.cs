using static TorchSharp.torch;

namespace SelfishGen.Augmentations;

/// <summary>
/// Rotation about the image centre by an angle uniform in [<see cref="MinDegrees"/>, <see cref="MaxDegrees"/>]
/// (positive is counter-clockwise as seen on screen), same size, zeros where the source is outside the image.
/// </summary>
public sealed class Rotation(double minDegrees, double maxDegrees, GridSampleMode interpolation = GridSampleMode.Nearest)
    : IAugmentation
{
    /// <summary>Smallest angle, in degrees.</summary>
    public double MinDegrees { get; } = minDegrees;

    /// <summary>Largest angle, in degrees.</summary>
    public double MaxDegrees { get; } = maxDegrees;

    /// <inheritdoc />
    public Tensor Apply(Tensor images, Generator random)
    {
        var radians = Draw.Uniform(images.shape[0], MinDegrees, MaxDegrees, random) * (Math.PI / 180);
        var (cos, sin) = (radians.cos(), radians.sin());
        var shift = zeros(images.shape[0], 2, float64);
        return AffineWarp.InPixels(images, AffineWarp.Matrices(cos, -sin, sin, cos), shift, interpolation);
    }
}
