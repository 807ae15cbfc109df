using SelfishGen.Modules;

namespace SelfishGen.Tests.Precision;

/// <summary>
/// Inside a backbone in a bfloat16 <see cref="Autocast"/> scope, every path a convolution may take (our low-precision
/// convolution with its im2col weight gradient, libtorch's bfloat16 kernels through casts, depthwise in float32)
/// computes the output and the input, weight and bias gradients of a float64 reference within bfloat16 rounding, with
/// float32 parameters and parameter gradients. Several draws each: this libtorch's oneDNN has computed wrong float32 input gradients
/// for some channel counts, and such a defect shows as an error near 1, not 0.02.
/// </summary>
public sealed class LowPrecisionGradientTests
{
    // bfloat16 keeps 8 significant bits (relative rounding 2⁻⁹ ≈ 0.002 per operand); sums accumulate in float32.
    private const double Tolerance = 0.02;
    private const int Trials = 3;

    public static TheoryData<string, int, int, int, int, int, int> Cases() => new()
    {
        // name, in, out, kernel, stride, groups, map size
        { "few input channels (im2col weight gradient)", 3, 16, 3, 1, 1, 16 },
        { "strided, 24 outputs (im2col, padded input gradient)", 16, 24, 3, 2, 1, 8 },
        { "4x4 map (im2col)", 32, 40, 3, 1, 1, 4 },
        { "stride 1, 24 outputs (libtorch bfloat16, aligned)", 16, 24, 3, 1, 1, 16 },
        { "1x1, 32 outputs (libtorch bfloat16)", 32, 32, 1, 1, 1, 8 },
        { "depthwise (float32 inside the scope)", 32, 32, 3, 1, 32, 8 },
        { "depthwise strided", 24, 24, 3, 2, 24, 8 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Convolution_gradients_in_bfloat16_match_float64(string name, int inChannels, int outChannels, int kernel, int stride, int groups, int size)
    {
        using var scope = NewDisposeScope();
        manual_seed(inChannels * 31 + outChannels);
        var module = new ChannelAlignedConv2d(inChannels, outChannels, kernel, stride, padding: kernel / 2, groups: groups);
        AssertMatchesFloat64(name, module, [2, inChannels, size, size]);
    }

    private static void AssertMatchesFloat64(string name, ChannelAlignedConv2d module, long[] inputShape)
    {
        var reference = CopyInFloat64(module);
        using var generator = new Generator(17);
        for (var trial = 0; trial < Trials; trial++)
        {
            var input = randn(inputShape, generator: generator);
            Result mixed;
            using (Autocast.Enter(ScalarType.BFloat16))
                mixed = Run(module, input, generator.get_state());
            var exact = Run(reference, input.to(float64), generator.get_state());

            Assert.All(mixed.Gradients, g => Assert.Equal(ScalarType.Float32, g.dtype));
            Assert.All(module.parameters(), p => Assert.Equal(ScalarType.Float32, p.dtype));
            string[] names = ["output", "input gradient", "weight gradient", "bias gradient"];
            var all = mixed.Gradients.Prepend(mixed.Output).Zip(exact.Gradients.Prepend(exact.Output), names);
            foreach (var (actual, expected, what) in all)
            {
                var error = RelativeError(actual, expected);
                Assert.True(error <= Tolerance, $"{name}, trial {trial + 1}: {what} relative error {error:G3} > {Tolerance}");
            }
            if (module.groups == 1) // depthwise convolutions stay float32 (their bfloat16 gradient kernels are slow)
                Assert.True(RelativeError(mixed.Output, exact.Output) > 1e-5, $"{name}: the output is float32-exact, not computed in bfloat16");
        }
    }

    // Output and gradients of Σ output ⊙ R, R drawn from the generator state (the same on both sides).
    private static Result Run(ChannelAlignedConv2d module, Tensor input, Tensor state)
    {
        module.zero_grad();
        var x = input.detach().clone().requires_grad_();
        var output = Autocast.FeatureMaps(() => module.call(x));
        using var draw = new Generator(0);
        draw.set_state(state);
        var weights = randn(output.shape, dtype: float64, generator: draw);
        using var loss = (output.to(float64) * weights).sum();
        loss.backward();
        return new Result(output.detach(), [x.grad!.clone(), module.weight.grad!.clone(), module.bias!.grad!.clone()]);
    }

    private static ChannelAlignedConv2d CopyInFloat64(ChannelAlignedConv2d module)
    {
        var copy = new ChannelAlignedConv2d(module.in_channels, module.out_channels, module.kernel_size[0], module.stride[0], module.padding![0], groups: module.groups);
        copy.load_state_dict(module.state_dict());
        return copy.to(float64);
    }

    private static double RelativeError(Tensor actual, Tensor expected)
    {
        using var difference = actual.to(float64) - expected;
        return difference.norm().item<double>() / expected.norm().item<double>();
    }

    private sealed record Result(Tensor Output, Tensor[] Gradients);
}
