using static TorchSharp.torch;

namespace SelfishGen.Modules;

/// <summary>
/// Detects the libtorch defect <see cref="ChannelAlignment"/> works around: for convolution shapes whose output
/// channels are not a multiple of a oneDNN channel block, it compares the float32 input gradient on the CPU with the
/// same computation in float64 (which does not run through oneDNN), after filling freed native memory with NaN so
/// that a kernel reading memory it never wrote shows it. Takes a few milliseconds; uses its own random generator, so
/// seeded training is unaffected.
/// </summary>
public static class ConvolutionGradientCheck
{
    /// <summary>Relative error (max |float32 − float64| / max |float64|) above which a gradient counts as wrong.</summary>
    public const double Tolerance = 1e-3;

    /// <summary>Shapes where the defect was seen (EfficientNet-B0's projections and squeezes, 1- and 3-channel outputs).</summary>
    public static IReadOnlyList<ConvolutionCase> Cases { get; } =
    [
        new(16, 24, 3, 1, 1, false),
        new(32, 40, 3, 1, 1, false),
        new(64, 8, 3, 1, 1, false),
        new(16, 3, 3, 1, 1, false),
        new(16, 1, 3, 1, 1, false),
        new(96, 4, 1, 1, 0, false),
        new(32, 24, 4, 2, 1, true),
    ];

    /// <summary>Checks every shape of <see cref="Cases"/> <paramref name="trials"/> times with the plain convolution.</summary>
    public static ConvolutionGradientReport Run(int trials = 2) => Run(Cases, (shape, input, weight) => shape.Apply(input, weight), trials);

    /// <summary>Checks <paramref name="cases"/> computed by <paramref name="convolve"/>, <paramref name="trials"/> times each.</summary>
    public static ConvolutionGradientReport Run(
        IReadOnlyList<ConvolutionCase> cases, Func<ConvolutionCase, Tensor, Tensor, Tensor> convolve, int trials)
    {
        using var generator = new Generator(0x5e1f15);
        var wrong = cases.Where(shape => Enumerable.Range(0, trials)
            .Any(_ => !(InputGradientError(shape, convolve, generator) <= Tolerance))).ToList();
        return new ConvolutionGradientReport(wrong, cases.Count);
    }

    /// <summary>
    /// The relative error of <paramref name="convolve"/>'s float32 input gradient against float64 for one random input,
    /// weight and output gradient (NaN when the float32 gradient is not finite), with NaN-filled garbage freed before.
    /// </summary>
    public static double InputGradientError(ConvolutionCase shape, Func<ConvolutionCase, Tensor, Tensor, Tensor> convolve, Generator generator)
    {
        using var grad = enable_grad();
        using var scope = NewDisposeScope();
        LeaveGarbage();
        var input = randn([4, shape.InChannels, 12, 12], dtype: ScalarType.Float64, generator: generator).requires_grad_();
        using var inChannels = shape.InChannels.ToScalar();
        var weight = randn(shape.WeightShape, dtype: ScalarType.Float64, generator: generator).div_(inChannels);
        var output = convolve(shape, input, weight);
        var outputGradient = randn(output.shape, dtype: ScalarType.Float64, generator: generator);
        var expected = InputGradient(input, output, outputGradient);

        var input32 = input.detach().to(ScalarType.Float32).requires_grad_();
        var output32 = convolve(shape, input32, weight.to(ScalarType.Float32));
        var actual = InputGradient(input32, output32, outputGradient.to(ScalarType.Float32));
        return ConvolutionShapeCheck.RelativeError(actual, expected);
    }

    private static Tensor InputGradient(Tensor input, Tensor output, Tensor outputGradient)
    {
        autograd.backward([output], [outputGradient]);
        return input.grad!;
    }

    private static readonly Scalar NaN = float.NaN.ToScalar();

    /// <summary>Frees native memory filled with NaN, which a kernel may be handed next: an unwritten value read from it stays visible.</summary>
    internal static void LeaveGarbage()
    {
        for (var i = 0; i < 4; i++)
            full([4, 64, 16, 16], NaN).Dispose();
    }
}
