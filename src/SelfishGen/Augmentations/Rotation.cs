using static TorchSharp.torch;

namespace SelfishGen.Augmentations;

/// <summary>Rotation about the image centre; positive angles turn counter-clockwise as seen on screen.</summary>
public sealed class Rotation(double minDegrees, double maxDegrees, GridSampleMode interpolation = GridSampleMode.Nearest)
    : AngleWarp(minDegrees, maxDegrees, interpolation)
{
    /// <inheritdoc />
    protected override Tensor InverseMap(Tensor radians)
    {
        var (cos, sin) = (radians.cos(), radians.sin());
        return AffineWarp.Matrices(cos, -sin, sin, cos);
    }
}
