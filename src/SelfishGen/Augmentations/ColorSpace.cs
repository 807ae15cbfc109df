using static SelfishGen.Hosting.Scalars;
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

    // sRGB gamma: linear below the threshold, a power curve above it.
    private static readonly Scalar GammaThreshold = 0.04045.ToScalar();
    private static readonly Scalar LinearThreshold = 0.0031308.ToScalar();
    private static readonly Scalar GammaOffset = 0.055.ToScalar();
    private static readonly Scalar GammaScale = 1.055.ToScalar();
    private static readonly Scalar GammaExponent = 2.4.ToScalar();
    private static readonly Scalar InverseGammaExponent = (1 / 2.4).ToScalar();
    private static readonly Scalar LinearSlope = 12.92.ToScalar();

    // L*a*b*: a cube root above Epsilon, a line below it; L, a and b scale the differences of f(x), f(y), f(z).
    private static readonly Scalar Epsilon = 0.008856.ToScalar();
    private static readonly Scalar Slope = 7.787.ToScalar();
    private static readonly Scalar Offset = (16.0 / 116).ToScalar();
    private static readonly Scalar CubeRoot = (1.0 / 3).ToScalar();
    private static readonly Scalar Cube = 3.ToScalar();
    private static readonly Scalar LightnessScale = 116.ToScalar();
    private static readonly Scalar LightnessOffset = 16.ToScalar();
    private static readonly Scalar AScale = 500.ToScalar();
    private static readonly Scalar BScale = 200.ToScalar();
    private static readonly Scalar LightnessRange = 100.ToScalar();
    private static readonly Scalar ColorRange = 110.ToScalar();

    /// <summary>sRGB (N×3×H×W in [0, 1]) to L*a*b* (channels L, a, b).</summary>
    public static Tensor RgbToLab(Tensor rgb)
    {
        var linear = where(rgb.gt(GammaThreshold), rgb.Plus(GammaOffset).div(GammaScale).pow(GammaExponent), rgb.div(LinearSlope));
        var xyz = Multiply(tensor(RgbToXyz, float64), linear) / White(rgb);
        var f = where(xyz.gt(Epsilon), xyz.pow(CubeRoot), xyz.mul(Slope).Plus(Offset));
        var (fx, fy, fz) = (f[.., 0], f[.., 1], f[.., 2]);
        return stack([fy.mul(LightnessScale).sub(LightnessOffset), (fx - fy).mul(AScale), (fy - fz).mul(BScale)], 1);
    }

    /// <summary>The lightness of L*a*b* images (N×3×H×W) scaled to [0, 1]: L / 100, N×1×H×W.</summary>
    public static Tensor ScaledLightness(Tensor lab) => lab.narrow(1, 0, 1).div(LightnessRange);

    /// <summary>The colour channels of L*a*b* images (N×3×H×W) scaled to about [−1, 1]: ab / 110, N×2×H×W.</summary>
    public static Tensor ScaledColor(Tensor lab) => lab.narrow(1, 1, 2).div(ColorRange);

    /// <summary>L*a*b* (N×3×H×W) to sRGB, clamped to [0, 1].</summary>
    public static Tensor LabToRgb(Tensor lab)
    {
        var fy = lab[.., 0].Plus(LightnessOffset).div(LightnessScale);
        var f = stack([fy.Plus(lab[.., 1].div(AScale)), fy, fy - lab[.., 2].div(BScale)], 1);
        var cube = f.pow(Cube);
        var xyz = where(cube.gt(Epsilon), cube, f.sub(Offset).div(Slope)) * White(lab);
        var linear = Multiply(linalg.inv(tensor(RgbToXyz, float64)), xyz).clamp_min(Zero);
        return where(linear.gt(LinearThreshold), linear.pow(InverseGammaExponent).mul(GammaScale).sub(GammaOffset), linear.mul(LinearSlope))
            .clamp(Zero, One);
    }

    private static Tensor White(Tensor like) => tensor(WhitePoint, like.dtype, like.device).view(1, 3, 1, 1);

    private static Tensor Multiply(Tensor matrix, Tensor images) =>
        einsum("ij,njhw->nihw", matrix.to(images.dtype, images.device), images);
}
