using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;

namespace SelfishGen.Augmentations;

/// <summary>
/// Quantises L*a*b* values into classes: L into bins of <see cref="LightnessBinSize"/> over [0, 100], and the (a, b)
/// pair into a square grid of cells of <see cref="ColorBinSize"/> over [−<see cref="ColorRange"/>,
/// <see cref="ColorRange"/>]² (class = a-bin · <see cref="ColorBinsPerAxis"/> + b-bin). Out-of-range values go to the
/// nearest bin; the inverse gives bin centres.
/// </summary>
public sealed class LabQuantizer
{
    private readonly Scalar _binsPerAxis;

    /// <summary>Creates the quantiser; e.g. (2, 10) gives 50 L classes and 22×22 ab classes over ±110.</summary>
    public LabQuantizer(double lightnessBinSize, double colorBinSize, double colorRange = 110)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lightnessBinSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(colorBinSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(colorRange);
        (LightnessBinSize, ColorBinSize, ColorRange) = (lightnessBinSize, colorBinSize, colorRange);
        LightnessBinCount = (int)Math.Ceiling(100 / lightnessBinSize);
        ColorBinsPerAxis = (int)Math.Ceiling(2 * colorRange / colorBinSize);
        _binsPerAxis = ColorBinsPerAxis.ToScalar();
    }

    /// <summary>Width of an L bin.</summary>
    public double LightnessBinSize { get; }

    /// <summary>Side of an ab cell.</summary>
    public double ColorBinSize { get; }

    /// <summary>Half-width of the covered a and b range.</summary>
    public double ColorRange { get; }

    /// <summary>Number of L classes.</summary>
    public int LightnessBinCount { get; }

    /// <summary>Number of bins along a and along b.</summary>
    public int ColorBinsPerAxis { get; }

    /// <summary>Number of ab classes.</summary>
    public int ColorBinCount => ColorBinsPerAxis * ColorBinsPerAxis;

    /// <summary>L values (any shape) to class indices (int64, same shape).</summary>
    public Tensor QuantizeLightness(Tensor lightness) => Bin(lightness, 0, LightnessBinSize, LightnessBinCount);

    /// <summary>Class indices to the L bin centres.</summary>
    public Tensor DequantizeLightness(Tensor classes) => Centre(classes, 0, LightnessBinSize);

    /// <summary>ab values (N×2×H×W) to class indices (N×H×W, int64).</summary>
    public Tensor QuantizeColor(Tensor ab)
    {
        var bins = Bin(ab, -ColorRange, ColorBinSize, ColorBinsPerAxis);
        return bins[.., 0].mul(_binsPerAxis).Plus(bins[.., 1]);
    }

    /// <summary>Class indices (N×H×W) to the ab cell centres (N×2×H×W, float32).</summary>
    public Tensor DequantizeColor(Tensor classes)
    {
        var a = classes.div(_binsPerAxis, RoundingMode.floor);
        var b = classes.remainder(_binsPerAxis);
        return stack([Centre(a, -ColorRange, ColorBinSize), Centre(b, -ColorRange, ColorBinSize)], 1);
    }

    private static Tensor Bin(Tensor values, double start, double size, int count)
    {
        using var first = start.ToScalar();
        using var width = size.ToScalar();
        using var last = (count - 1).ToScalar();
        return values.sub(first).div(width).floor().clamp(Zero, last).to(int64);
    }

    private static Tensor Centre(Tensor classes, double start, double size)
    {
        using var width = size.ToScalar();
        using var firstCentre = (start + size / 2).ToScalar();
        return classes.to(float32).mul(width).Plus(firstCentre);
    }
}
