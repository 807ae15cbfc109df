using SelfishGen.Modules;
using SelfishGen.Tests.Modules;

namespace SelfishGen.Tests.Precision;

/// <summary>
/// Every path a backbone's convolution may take computes the output and the input, weight and bias gradients of a
/// float64 reference: in float32 and in bfloat16 mixed precision (our low-precision convolution with its im2col weight
/// gradient, libtorch's bfloat16 kernels through casts, depthwise in float32), on inputs laid out as usual and
/// channels-last (as the backbones feed them: other oneDNN kernels). Parameters and their gradients stay float32.
/// Several draws each: this libtorch's oneDNN has computed wrong float32 input gradients for some channel counts, an
/// error near 1. oneDNN is on throughout, as a process whose network keeps it has it: where a shape's float32 or
/// bfloat16 result is wrong on it, SelfishGen's checks must route the module around it.
/// </summary>
public sealed class ConvolutionPathGradientTests
{
    // bfloat16 keeps 8 significant bits (relative rounding 2⁻⁹ ≈ 0.002 per operand); sums accumulate in float32.
    private const double BFloat16Tolerance = 0.02;
    private const double Float32Tolerance = 1e-4;
    private const int Trials = 3;

    // Batches over 2,048 output positions take libtorch's bfloat16 kernels, smaller ones our im2col weight gradient.
    private static readonly (string Name, int In, int Out, int Kernel, int Stride, int Groups, int Size, int Batch)[] Shapes =
    [
        ("few input channels (bf16: im2col weight gradient)", 3, 16, 3, 1, 1, 16, 2),
        ("strided, 24 outputs (bf16: im2col, padded input gradient)", 16, 24, 3, 2, 1, 8, 2),
        ("4x4 map (bf16: im2col)", 32, 40, 3, 1, 1, 4, 2),
        ("8x8 map, small batch (bf16: im2col)", 32, 24, 3, 1, 1, 8, 4),
        ("16x16 map, 24 outputs (bf16: libtorch's kernels, aligned)", 16, 24, 3, 1, 1, 16, 12),
        ("1x1, 32 outputs (bf16: libtorch's kernels)", 32, 32, 1, 1, 1, 8, 40),
        ("1x1 squeeze-excite reduction to 10", 240, 10, 1, 1, 1, 1, 2),
        ("depthwise (bf16: float32 inside the scope)", 32, 32, 3, 1, 32, 8, 2),
        ("depthwise strided, 5x5", 24, 24, 5, 2, 24, 8, 2),
        ("ConvNet's first block, colour 32x32", 3, 32, 3, 1, 1, 32, 2),
        ("ConvNet's last block", 128, 128, 3, 1, 1, 8, 2),
    ];

    public static TheoryData<string, bool, bool> Cases()
    {
        var data = new TheoryData<string, bool, bool>();
        foreach (var shape in Shapes)
            foreach (var lowPrecision in new[] { false, true })
                foreach (var channelsLast in new[] { false, true })
                    data.Add(shape.Name, lowPrecision, channelsLast);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Gradients_match_float64(string name, bool bfloat16, bool channelsLast)
    {
        using var scope = NewDisposeScope();
        using var oneDnn = new OneDnnForced();
        var shape = Shapes.Single(s => s.Name == name);
        manual_seed(shape.In * 31 + shape.Out);
        var module = new ChannelAlignedConv2d(shape.In, shape.Out, shape.Kernel, shape.Stride, padding: shape.Kernel / 2, groups: shape.Groups);
        var reference = CopyInFloat64(module);
        var tolerance = bfloat16 ? BFloat16Tolerance : Float32Tolerance;
        var label = $"{name}, {(bfloat16 ? "bfloat16" : "float32")}, {(channelsLast ? "channels-last" : "contiguous")}";
        using var generator = new Generator(17);
        for (var trial = 0; trial < Trials; trial++)
        {
            var input = randn([shape.Batch, shape.In, shape.Size, shape.Size], generator: generator);
            if (channelsLast)
                input = ChannelsLast.Of(input);
            Result actual;
            using (Autocast.Enter(bfloat16 ? ScalarType.BFloat16 : null))
                actual = Run(module, input, generator.get_state());
            var exact = Run(reference, input.to(float64), generator.get_state());

            Assert.All(actual.Gradients, g => Assert.Equal(ScalarType.Float32, g.dtype));
            Assert.All(module.parameters(), p => Assert.Equal(ScalarType.Float32, p.dtype));
            string[] names = ["output", "input gradient", "weight gradient", "bias gradient"];
            foreach (var (value, expected, what) in actual.Gradients.Prepend(actual.Output).Zip(exact.Gradients.Prepend(exact.Output), names))
            {
                var error = RelativeError(value, expected);
                Assert.True(error <= tolerance, $"{label}, trial {trial + 1}: {what} relative error {error:G3} > {tolerance}");
            }
            if (bfloat16 && shape.Groups == 1) // depthwise convolutions stay float32 (their bfloat16 gradient kernels are slow)
                Assert.True(RelativeError(actual.Output, exact.Output) > 1e-5, $"{label}: the output is float32-exact, not computed in bfloat16");
        }
    }

    // Output and gradients of Σ output ⊙ R inside a backbone, R drawn from the generator state (the same on both sides).
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
