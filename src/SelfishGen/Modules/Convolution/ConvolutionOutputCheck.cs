using static TorchSharp.torch;

namespace SelfishGen.Modules;

/// <summary>
/// Detects float32 convolutions whose output is wrong on the CPU: for shapes where this libtorch's oneDNN was seen to
/// get it wrong (input channels 8 past a multiple of 16 or fewer than 16, and 1×1 convolutions of channels-last input
/// to 40, 80 or 112 channels, on an AMD EPYC of CPU family 26), it compares the float32 output with the same
/// convolution in float64 (which does not run through oneDNN), after leaving NaN-filled garbage in freed memory.
/// Uses its own random generator, so seeded training is unaffected.
/// </summary>
public static class ConvolutionOutputCheck
{
    /// <summary>Relative error (max |float32 − float64| / max |float64|) above which an output counts as wrong.</summary>
    public const double Tolerance = 1e-3;

    /// <summary>Shapes where a wrong output was seen.</summary>
    public static IReadOnlyList<ConvolutionCase> Cases { get; } =
    [
        new(24, 32, 3, 1, 1, false),
        new(40, 80, 3, 2, 1, false),
        new(12, 64, 3, 1, 1, false),
        new(32, 40, 1, 1, 0, false, ChannelsLast: true),
        new(16, 80, 1, 1, 0, false, ChannelsLast: true),
        new(240, 112, 1, 1, 0, false, ChannelsLast: true),
    ];

    /// <summary>The shapes of <see cref="Cases"/> whose plain convolution was wrong in any of <paramref name="trials"/> trials.</summary>
    public static IReadOnlyList<ConvolutionCase> Run(int trials = 2) => Run(Cases, (shape, input, weight) => shape.Apply(input, weight), trials);

    /// <summary>The shapes of <paramref name="cases"/> that <paramref name="convolve"/> got wrong in any of <paramref name="trials"/> trials.</summary>
    public static IReadOnlyList<ConvolutionCase> Run(IReadOnlyList<ConvolutionCase> cases, Func<ConvolutionCase, Tensor, Tensor, Tensor> convolve, int trials)
    {
        using var generator = new Generator(0x0c0117);
        return cases.Where(shape => Enumerable.Range(0, trials)
            .Any(_ => !(OutputError(shape, convolve, generator) <= Tolerance))).ToList();
    }

    /// <summary>
    /// The relative error of <paramref name="convolve"/>'s float32 output against float64 for one random input and
    /// weight (NaN when the float32 output is not finite), with NaN-filled garbage freed before.
    /// </summary>
    public static double OutputError(ConvolutionCase shape, Func<ConvolutionCase, Tensor, Tensor, Tensor> convolve, Generator generator)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        ConvolutionGradientCheck.LeaveGarbage();
        var input = randn([4, shape.InChannels, 12, 12], dtype: ScalarType.Float64, generator: generator);
        using var inChannels = shape.InChannels.ToScalar();
        var weight = randn(shape.WeightShape, dtype: ScalarType.Float64, generator: generator).div_(inChannels);
        var expected = convolve(shape, input, weight);
        var actual = convolve(shape, input.to(ScalarType.Float32), weight.to(ScalarType.Float32));
        return ConvolutionShapeCheck.RelativeError(actual, expected);
    }
}
