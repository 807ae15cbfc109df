using SelfishGen.Modules;

namespace SelfishGen.Tests.Modules;

/// <summary>
/// A layer that must read contiguous input (a convolution oneDNN computes wrong on channels-last input) hands its
/// output on in the layout its input had, so the layers after it keep the channels-last layout.
/// </summary>
public sealed class ChannelsLastTests
{
    [Fact]
    public void A_layer_fed_contiguous_input_hands_channels_last_output_on_with_the_same_values_and_gradients()
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        using var convolution = nn.Conv2d(8, 16, 3, padding: 1);
        var plain = randn(2, 8, 5, 5, requires_grad: true);
        var packed = ChannelsLast.Of(plain.detach()).requires_grad_(true);
        var weights = randn(2, 16, 5, 5);
        var seen = new List<bool>();
        Tensor Convolve(Tensor input)
        {
            seen.Add(input.is_contiguous());
            return convolution.call(input);
        }

        var fromPacked = ChannelsLast.ThroughContiguous(packed, Convolve);
        var fromPlain = ChannelsLast.ThroughContiguous(plain, Convolve);

        Assert.Equal([true, true], seen);
        Assert.False(fromPacked.is_contiguous());
        Assert.Equal(1L, fromPacked.stride(1)); // channels adjacent in memory
        Assert.True(fromPlain.is_contiguous());
        Assert.True(fromPacked.allclose(fromPlain, rtol: 1e-5, atol: 1e-6));
        (fromPacked * weights).sum().backward();
        (fromPlain * weights).sum().backward();
        Assert.True(packed.grad!.allclose(plain.grad!, rtol: 1e-5, atol: 1e-6));
    }
}
