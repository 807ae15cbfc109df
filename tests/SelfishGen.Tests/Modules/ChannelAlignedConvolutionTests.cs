using System.Text.RegularExpressions;
using SelfishGen.Modules;
using TorchSharp.Modules;

namespace SelfishGen.Tests.Modules;

/// <summary>
/// The convolutions every module of ours uses compute right float32 input gradients (issue: this libtorch's oneDNN
/// kernels get them wrong on some CPUs when output channels are not a multiple of 16), and the workaround changes
/// nothing else.
/// </summary>
public sealed class ChannelAlignedConvolutionTests
{
    private const int Trials = 3;

    public static TheoryData<int, int, int, bool> Grid()
    {
        var data = new TheoryData<int, int, int, bool>();
        foreach (var outChannels in new[] { 1, 3, 4, 8, 24, 40, 16, 64 })
        {
            data.Add(16, outChannels, 3, false);
            data.Add(64, outChannels, 1, false);
            data.Add(32, outChannels, 4, true);
            data.Add(16, outChannels, 3, true);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Grid))]
    public void Float32_input_gradients_match_float64(int inChannels, int outChannels, int kernel, bool transposed)
    {
        var shape = Case(inChannels, outChannels, kernel, transposed);
        using var generator = new Generator((ulong)(outChannels * 100 + kernel));
        for (var trial = 0; trial < Trials; trial++)
        {
            var error = ConvolutionGradientCheck.InputGradientError(shape, Aligned, generator);
            Assert.True(error <= ConvolutionGradientCheck.Tolerance, $"{shape}: relative error {error} (trial {trial + 1})");
        }
    }

    [Fact]
    public void The_start_up_check_sees_the_defect_wherever_the_plain_convolution_shows_it()
    {
        using var generator = new Generator(7);
        var wrong = Grid().Select(row => Case((int)row[0], (int)row[1], (int)row[2], (bool)row[3]))
            .Where(shape => Enumerable.Range(0, Trials).Any(_ =>
                !(ConvolutionGradientCheck.InputGradientError(shape, (s, x, w) => s.Apply(x, w), generator) <= ConvolutionGradientCheck.Tolerance)))
            .ToList();
        if (wrong.Count > 0)
            Assert.True(ChannelAlignment.CheckReport.Faulty, $"Plain convolutions were wrong for {string.Join(", ", wrong)}, but the check saw nothing.");
    }

    [Fact]
    public void The_check_flags_a_convolution_whose_input_gradient_is_wrong()
    {
        // Right output, but in float32 (where oneDNN runs) every input-gradient element is off by 0.5.
        var report = ConvolutionGradientCheck.Run(ConvolutionGradientCheck.Cases, (shape, x, w) =>
            x.dtype == float32 ? shape.Apply(x, w) + (x - x.detach()).sum() * 0.5 : shape.Apply(x, w), trials: 1);

        Assert.True(report.Faulty);
        Assert.Equal(ConvolutionGradientCheck.Cases.Count, report.WrongCases.Count);
    }

    [Theory]
    [InlineData(3, false)]
    [InlineData(24, false)]
    [InlineData(24, true)]
    public void Aligned_on_purpose_outputs_and_every_gradient_equal_the_plain_convolution(int outChannels, bool transposed)
    {
        var before = ChannelAlignment.Mode;
        try
        {
            using var scope = NewDisposeScope();
            manual_seed(3);
            Convolution module = transposed
                ? new ChannelAlignedConvTranspose2d(16, outChannels, 4, stride: 2, padding: 1)
                : new ChannelAlignedConv2d(16, outChannels, 3, padding: 1);
            var input = randn(2, 16, 8, 8);

            ChannelAlignment.Mode = ChannelAlignmentMode.On;
            var (aligned, alignedGradients) = OutputAndGradients(module, input);
            ChannelAlignment.Mode = ChannelAlignmentMode.Off;
            var (plain, _) = OutputAndGradients(module, input);
            var (reference, referenceGradients) = OutputAndGradients(module.to(float64), input.to(float64));

            Assert.Equal(plain.shape, aligned.shape);
            Assert.True(allclose(aligned, plain, rtol: 1e-5, atol: 1e-6));
            Assert.True(allclose(aligned.to(float64), reference, rtol: 1e-4, atol: 1e-5));
            foreach (var (gradient, expected) in alignedGradients.Zip(referenceGradients))
                Assert.True(allclose(gradient.to(float64), expected, rtol: 1e-4, atol: 1e-4));
        }
        finally
        {
            ChannelAlignment.Mode = before;
        }
    }

    [Fact]
    public void Parameters_are_those_of_torch_nn_Conv2d()
    {
        using var scope = NewDisposeScope();
        manual_seed(11);
        var ours = new ChannelAlignedConv2d(8, 5, 3, padding: 1);
        manual_seed(11);
        var torchs = nn.Conv2d(8, 5, 3, padding: 1);

        Assert.Equal(torchs.state_dict().Keys.Order(), ours.state_dict().Keys.Order());
        Assert.True(ours.weight.equal(torchs.weight).all().item<bool>());
        Assert.True(ours.bias!.equal(torchs.bias!).all().item<bool>());
    }

    [Fact]
    public void Every_convolution_with_a_gradient_in_the_library_is_channel_aligned()
    {
        // Augmentations convolve without autograd (blur, sharpness); the aligned convolutions wrap the plain ones.
        string[] exempt = ["src/SelfishGen/Augmentations/", "src/SelfishGen/Modules/Convolution/"];
        var plain = new Regex(@"(?<!ChannelAlignment\.)\b(Conv2d|ConvTranspose2d|conv2d|conv_transpose2d)\(");
        var offenders = SourceTree.CSharpFiles("src").Concat(SourceTree.CSharpFiles("generators"))
            .Where(path => !exempt.Any(SourceTree.Relative(path).StartsWith))
            .SelectMany(path => File.ReadLines(path).Select((line, index) => (path, line, index)))
            .Where(entry => !entry.line.TrimStart().StartsWith("//", StringComparison.Ordinal) && plain.IsMatch(entry.line))
            .Select(entry => $"{SourceTree.Relative(entry.path)}:{entry.index + 1}: {entry.line.Trim()}")
            .ToList();
        Assert.True(offenders.Count == 0, "Use ChannelAlignedConv2d / ChannelAlignment:\n" + string.Join("\n", offenders));
    }

    private static ConvolutionCase Case(int inChannels, int outChannels, int kernel, bool transposed) =>
        transposed ? new(inChannels, outChannels, kernel, 2, 1, true) : new(inChannels, outChannels, kernel, 1, kernel / 2, false);

    private static Tensor Aligned(ConvolutionCase shape, Tensor input, Tensor weight) => shape.Transposed
        ? ChannelAlignment.ConvTranspose2d(input, weight, null, [shape.Stride, shape.Stride], [shape.Padding, shape.Padding], [0, 0], [1, 1], 1)
        : ChannelAlignment.Conv2d(input, weight, null, [shape.Stride, shape.Stride], [shape.Padding, shape.Padding], [1, 1], 1);

    private static (Tensor Output, Tensor[] Gradients) OutputAndGradients(Convolution module, Tensor input)
    {
        module.zero_grad();
        var x = input.detach().clone().requires_grad_();
        var output = module.call(x);
        using var generator = new Generator(5);
        autograd.backward([output], [randn(output.shape, dtype: float64, generator: generator).to(output.dtype)]);
        return (output.detach(), [x.grad!.clone(), module.weight.grad!.clone(), module.bias!.grad!.clone()]);
    }
}
