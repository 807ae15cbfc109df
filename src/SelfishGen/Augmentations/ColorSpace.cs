using static TorchSharp.torch;

namespace SelfishGen.Augmentations;

/// <summary>
/// Conversion between sRGB in [0, 1] and CIE L*a*b* (D65 white, 2° observer) for N×3×H×W batches, with the
/// formulas of scikit-image's <c>rgb2lab</c>: L in [0, 100], a and b roughly in ±110.
/// </summary>
public static class ColorSpace
{
    private static readonly double[,] RgbToXyz =
    {
        { 0.412453, 0.357580, 0.180423 },
        { 0.212671, 0.715160, 0.072169 },
        { 0.019334, 0.119193, 0.950227 },
    };

    private static readonly double[] WhitePoint = [0.95047, 1.0, 1.08883];
    private const double Epsilon = 0.008856;
    private const double Slope = 7.787;
    private const double Offset = 16.0 / 116;

    /// <summary>sRGB (N×3×H×W in [0, 1]) to L*a*b* (channels L, a, b).</summary>
    public static Tensor RgbToLab(Tensor rgb)
    {
        var linear = where(rgb > 0.04045, ((rgb + 0.055) / 1.055).pow(2.4), rgb / 12.92);
        var xyz = Multiply(tensor(RgbToXyz, float64), linear) / White(rgb);
        var f = where(xyz > Epsilon, xyz.pow(1.0 / 3), xyz * Slope + Offset);
        var (fx, fy, fz) = (f[.., 0], f[.., 1], f[.., 2]);
        return stack([fy * 116 - 16, (fx - fy) * 500, (fy - fz) * 200], 1);
    }

    /// <summary>The lightness of L*a*b* images (N×3×H×W) scaled to [0, 1]: L / 100, N×1×H×W.</summary>
    public static Tensor ScaledLightness(Tensor lab) => lab.narrow(1, 0, 1) / 100;

    /// <summary>The colour channels of L*a*b* images (N×3×H×W) scaled to about [−1, 1]: ab / 110, N×2×H×W.</summary>
    public static Tensor ScaledColor(Tensor lab) => lab.narrow(1, 1, 2) / 110;

    /// <summary>L*a*b* (N×3×H×W) to sRGB, clamped to [0, 1].</summary>
    public static Tensor LabToRgb(Tensor lab)
    {
        var fy = (lab[.., 0] + 16) / 116;
        var f = stack([fy + lab[.., 1] / 500, fy, fy - lab[.., 2] / 200], 1);
        var cube = f.pow(3);
        var xyz = where(cube > Epsilon, cube, (f - Offset) / Slope) * White(lab);
        var linear = Multiply(linalg.inv(tensor(RgbToXyz, float64)), xyz).clamp_min(0);
        return where(linear > 0.0031308, linear.pow(1 / 2.4) * 1.055 - 0.055, linear * 12.92).clamp(0, 1);
    }

    private static Tensor White(Tensor like) => tensor(WhitePoint, like.dtype, like.device).view(1, 3, 1, 1);

    private static Tensor Multiply(Tensor matrix, Tensor images) =>
        einsum("ij,njhw->nihw", matrix.to(images.dtype, images.device), images);
}
