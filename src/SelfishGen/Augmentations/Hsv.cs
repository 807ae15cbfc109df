using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;

namespace SelfishGen.Augmentations;

/// <summary>Batched conversion between RGB and HSV (all channels in [0, 1], hue as a fraction of a turn).</summary>
internal static class Hsv
{
    private static readonly Scalar Four = 4.ToScalar();
    private static readonly Scalar Six = 6.ToScalar();

    /// <summary>N×3×H×W RGB to HSV.</summary>
    public static Tensor FromRgb(Tensor rgb)
    {
        var (red, green, blue) = (rgb[.., 0], rgb[.., 1], rgb[.., 2]);
        var value = rgb.amax([1]);
        var chroma = value - rgb.amin([1]);
        var safeChroma = where(chroma.gt(Zero), chroma, ones_like(chroma));
        var saturation = where(value.gt(Zero), chroma / where(value.gt(Zero), value, ones_like(value)), zeros_like(value));
        var sector = where(value == red, (green - blue) / safeChroma,
            where(value == green, ((blue - red) / safeChroma).Plus(Two), ((red - green) / safeChroma).Plus(Four)));
        var hue = where(chroma.gt(Zero), sector.div(Six).remainder(One), zeros_like(sector));
        return stack([hue, saturation, value], 1);
    }

    /// <summary>N×3×H×W HSV to RGB.</summary>
    public static Tensor ToRgb(Tensor hsv)
    {
        var (hue, saturation, value) = (hsv[.., 0..1], hsv[.., 1..2], hsv[.., 2..3]);
        var offsets = tensor(new[] { 5f, 3f, 1f }, hsv.dtype, hsv.device).view(1, 3, 1, 1);
        var k = offsets.Plus(hue.mul(Six)).remainder(Six);
        var ramp = minimum(k, k.SubtractedFrom(Four)).clamp(Zero, One);
        return value - value * saturation * ramp;
    }
}
