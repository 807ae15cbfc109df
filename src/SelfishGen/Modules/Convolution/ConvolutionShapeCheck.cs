using static TorchSharp.torch;

namespace SelfishGen.Modules;

/// <summary>
/// Checks one convolution shape on the kernels libtorch runs it on now: its float32 output, input gradient and weight
/// gradient against the same computation in float64 (which does not run through oneDNN), for contiguous and
/// channels-last input, with 1 and 2 threads (and the process's count), after leaving NaN-filled garbage in freed
/// memory, on a batch of 2 maps of the case's size: on an AMD EPYC family 26, oneDNN's channels-last 1×1 kernels for some
/// widths are wrong on maps of 2×2 to 7×7 and 12×12 pixels and right on 8×8 (docs/onednn-conv-gradient.md).
/// Uses its own random generator, so seeded training is unaffected.
/// </summary>
public static class ConvolutionShapeCheck
{
    /// <summary>Relative error (max |float32 − float64| / max |float64|) above which a result counts as wrong.</summary>
    public const double Tolerance = 1e-3;

    /// <summary>
    /// The same bound for a convolution computed in bfloat16 from float32 input and weight: bfloat16 keeps 8
    /// significant bits (relative rounding 2⁻⁹ per operand; measured on right kernels: at most 0.0066). A wrong oneDNN
    /// path is off by 0.3 or more.
    /// </summary>
    public const double LowPrecisionTolerance = 0.02;

    /// <summary>Side of the square input maps a shape is checked on when it is built; it is checked again on the size of the maps it is fed.</summary>
    public const int MapSize = 8;

    /// <summary>
    /// The first layout of <paramref name="shape"/> that <paramref name="convolve"/> computes wrong from float32 input
    /// and weight (the shape with its <see cref="ConvolutionCase.ChannelsLast"/> set as checked), or null when both are right.
    /// Each trial's float64 reference is computed once and compared with every layout and thread count (at the map
    /// sizes of 224-pixel images, float64 is most of a check's time).
    /// </summary>
    /// <param name="shape">The shape; its layout is ignored.</param>
    /// <param name="convolve">The convolution of a case, of float64 or float32 input and weight.</param>
    /// <param name="tolerance">The largest relative error that counts as right: <see cref="Tolerance"/> for float32.</param>
    /// <param name="trials">Random inputs, each checked in every layout and thread count.</param>
    /// <param name="channelsLast">Whether channels-last input is checked too (contiguous input always is).</param>
    public static ConvolutionCase? FirstWrong(
        ConvolutionCase shape, Func<ConvolutionCase, Tensor, Tensor, Tensor> convolve, double tolerance = Tolerance, int trials = 2, bool channelsLast = true)
    {
        using var generator = new Generator(0x5a9e);
        var before = get_num_threads();
        var layouts = channelsLast ? [shape with { ChannelsLast = false }, shape with { ChannelsLast = true }] : new[] { shape with { ChannelsLast = false } };
        try
        {
            for (var trial = 0; trial < trials; trial++)
            {
                using var grad = enable_grad();
                using var scope = NewDisposeScope();
                var (input, weight) = Draw(shape, generator);
                var expected = Results(layouts[0], convolve, input, weight, generator);
                foreach (var threads in new[] { before, 1, 2 }.Distinct())
                {
                    set_num_threads(threads);
                    foreach (var layout in layouts)
                        if (!(Error(layout, convolve, input, weight, expected) <= tolerance))
                            return layout;
                }
            }
            return null;
        }
        finally
        {
            set_num_threads(before);
        }
    }

    // A random float64 input of the case's maps (2 of them) and a weight scaled by its fan-in.
    private static (Tensor Input, Tensor Weight) Draw(ConvolutionCase shape, Generator generator)
    {
        var input = randn([2, shape.InChannels, shape.MapHeight, shape.MapWidth], dtype: ScalarType.Float64, generator: generator);
        using var fanIn = (shape.WeightShape[1] * shape.WeightShape[2] * shape.WeightShape[3]).ToScalar();
        return (input, randn(shape.WeightShape, dtype: ScalarType.Float64, generator: generator).div_(fanIn));
    }

    // The largest relative error of the output, input gradient and weight gradient computed from float32 input and
    // weight against the float64 ones (NaN when a result is not finite), after leaving garbage in freed memory.
    private static double Error(
        ConvolutionCase shape, Func<ConvolutionCase, Tensor, Tensor, Tensor> convolve, Tensor input, Tensor weight,
        (Tensor Output, Tensor InputGradient, Tensor WeightGradient, Tensor OutputGradient) expected)
    {
        using var scope = NewDisposeScope();
        ConvolutionGradientCheck.LeaveGarbage();
        var actual = Results(shape, convolve, input.to(ScalarType.Float32), weight.to(ScalarType.Float32), null, expected.OutputGradient);
        return new[] { (actual.Output, expected.Output), (actual.InputGradient, expected.InputGradient), (actual.WeightGradient, expected.WeightGradient) }
            .Max(pair => RelativeError(pair.Item1, pair.Item2));
    }

    /// <summary>max |actual − expected| / max |expected|, in float64; NaN when it is not finite.</summary>
    internal static double RelativeError(Tensor actual, Tensor expected)
    {
        var error = (actual.to(ScalarType.Float64) - expected).abs_().max() / expected.abs().max();
        var value = error.item<double>();
        return double.IsFinite(value) ? value : double.NaN;
    }

    // The output and both gradients for an output gradient (drawn from the generator when none is given; returned).
    private static (Tensor Output, Tensor InputGradient, Tensor WeightGradient, Tensor OutputGradient) Results(
        ConvolutionCase shape, Func<ConvolutionCase, Tensor, Tensor, Tensor> convolve, Tensor input, Tensor weight, Generator? generator,
        Tensor? outputGradient = null)
    {
        var (x, w) = (input.detach().requires_grad_(), weight.detach().requires_grad_());
        var output = convolve(shape, x, w);
        outputGradient = outputGradient?.to(output.dtype) ?? randn(output.shape, dtype: output.dtype, generator: generator);
        autograd.backward([output], [outputGradient]);
        return (output.detach(), x.grad!, w.grad!, outputGradient);
    }
}
