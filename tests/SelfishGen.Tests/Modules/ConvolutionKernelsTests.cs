using SelfishGen.Modules;

namespace SelfishGen.Tests.Modules;

/// <summary>
/// Float32 convolution outputs are right on the kernels SelfishGen chooses (issue: on some CPUs this libtorch's oneDNN
/// computes wrong outputs for some channel counts and layouts, depending on the thread count), and the check that
/// drives the choice sees a wrong output.
/// </summary>
public sealed class ConvolutionKernelsTests
{
    /// <summary>Shapes around the faulty ones: input channels 8 past a multiple of 16 or fewer than 16, odd multiples of 8 and 16 out, both layouts.</summary>
    public static TheoryData<int, int, int, int, bool> Grid()
    {
        var data = new TheoryData<int, int, int, int, bool>();
        foreach (var (inChannels, outChannels) in new[] { (12, 64), (24, 32), (40, 80), (32, 40), (16, 80), (240, 112), (64, 64) })
            foreach (var (kernel, stride) in new[] { (1, 1), (3, 1), (3, 2) })
                foreach (var channelsLast in new[] { false, true })
                    data.Add(inChannels, outChannels, kernel, stride, channelsLast);
        return data;
    }

    [Theory]
    [MemberData(nameof(Grid))]
    public void Float32_outputs_match_float64_on_the_chosen_kernels(int inChannels, int outChannels, int kernel, int stride, bool channelsLast)
    {
        _ = ConvolutionKernels.Chosen;
        var shape = new ConvolutionCase(inChannels, outChannels, kernel, stride, kernel / 2, false, channelsLast);
        using var generator = new Generator((ulong)(inChannels * 1000 + outChannels));
        foreach (var threads in new[] { 1, 2 })
        {
            var before = get_num_threads();
            set_num_threads(threads);
            try
            {
                for (var trial = 0; trial < 2; trial++)
                {
                    var error = ConvolutionOutputCheck.OutputError(shape, (s, x, w) => s.Apply(x, w), generator);
                    Assert.True(error <= ConvolutionOutputCheck.Tolerance, $"{shape}, {threads} threads: relative error {error} (trial {trial + 1})");
                }
            }
            finally
            {
                set_num_threads(before);
            }
        }
    }

    [Fact]
    public void The_check_flags_a_convolution_whose_output_is_wrong()
    {
        // Right in float64, off by 0.5 everywhere in float32 (where oneDNN runs).
        var wrong = ConvolutionOutputCheck.Run(ConvolutionOutputCheck.Cases, (shape, x, w) =>
            x.dtype == float32 ? shape.Apply(x, w) + 0.5 : shape.Apply(x, w), trials: 1);

        Assert.Equal(ConvolutionOutputCheck.Cases, wrong);
    }

    [Fact]
    public void A_channels_last_case_convolves_channels_last_input_to_the_same_result()
    {
        using var scope = NewDisposeScope();
        var (input, weight) = (randn(2, 24, 8, 8, dtype: float64), randn(32, 24, 3, 3, dtype: float64));
        var plain = new ConvolutionCase(24, 32, 3, 1, 1, false);
        var channelsLast = plain with { ChannelsLast = true };

        Assert.True(allclose(plain.Apply(input, weight), channelsLast.Apply(input, weight), rtol: 1e-12, atol: 1e-12));
        Assert.EndsWith("channels-last", channelsLast.ToString());
    }
}
