using static TorchSharp.torch;

namespace SelfishGen.Augmentations;

/// <summary>Batched conversion between RGB and HSV (all channels in [0, 1], hue as a fraction of a turn).</summary>
internal static class Hsv
{
    /// <summary>N×3×H×W RGB to HSV.</summary>
    public static Tensor FromRgb(Tensor rgb)
    {
        var (red, green, blue) = (rgb[.., 0], rgb[.., 1], rgb[.., 2]);
        var value = rgb.amax([1]);
        var chroma = value - rgb.amin([1]);
        var safeChroma = where(chroma > 0, chroma, ones_like(chroma));
        var saturation = where(value > 0, chroma / where(value > 0, value, ones_like(value)), zeros_like(value));
        var sector = where(value == red, (green - blue) / safeChroma,
            where(value == green, (blue - red) / safeChroma + 2, (red - green) / safeChroma + 4));
        var hue = where(chroma > 0, (sector / 6).remainder(1), zeros_like(sector));
        return stack([hue, saturation, value], 1);
    }

    /// <summary>N×3×H×W HSV to RGB.</summary>
    public static Tensor ToRgb(Tensor hsv)
    {
        var (hue, saturation, value) = (hsv[.., 0..1], hsv[.., 1..2], hsv[.., 2..3]);
        var offsets = tensor(new[] { 5f, 3f, 1f }, hsv.dtype, hsv.device).view(1, 3, 1, 1);
        var k = (offsets + hue * 6).remainder(6);
        var ramp = minimum(k, 4 - k).clamp(0, 1);
        return value - value * saturation * ramp;
    }
}
