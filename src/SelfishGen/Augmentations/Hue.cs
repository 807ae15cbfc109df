using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;

namespace SelfishGen.Augmentations;

/// <summary>
/// Rotates hue in HSV by a per-sample shift uniform in ±<see cref="MaxShift"/> of a turn (at most 0.5).
/// Single-channel images are unchanged.
/// </summary>
public sealed class Hue : IAugmentation
{
    /// <summary>Creates the shift; <paramref name="maxShift"/> lies in [0, 0.5].</summary>
    public Hue(double maxShift)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxShift);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxShift, 0.5);
        MaxShift = maxShift;
    }

    /// <summary>Largest hue shift, as a fraction of a full turn.</summary>
    public double MaxShift { get; }

    /// <inheritdoc />
    public Tensor Apply(Tensor images, Generator random)
    {
        var shift = Draw.PerSample(Draw.Uniform(images.shape[0], -MaxShift, MaxShift, random), images);
        if (images.shape[1] == 1)
            return images;
        var hsv = Hsv.FromRgb(images);
        var hue = hsv[.., 0..1].Plus(shift).remainder(One);
        return Hsv.ToRgb(cat([hue, hsv[.., 1..]], 1)).clamp(Zero, One);
    }
}
