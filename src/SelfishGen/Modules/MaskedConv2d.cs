using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace SelfishGen.Modules;

/// <summary>
/// A 3×3 convolution (padding 1) whose kernel's bottom row is zero, so each output row sees only its own input row
/// and the row above: stacked, the layers look only upwards (CPC's causal context network). Computed as what it is,
/// the 2×3 convolution of the kernel's top two rows (a <see cref="ChannelAlignedConv2d"/>, with the shape checks that
/// come with it) whose output's last row, which would see the padding below the input, is dropped: two thirds of the
/// masked kernel's work.
/// </summary>
public sealed class MaskedConv2d : Module<Tensor, Tensor>
{
    private readonly ChannelAlignedConv2d _conv;

    /// <summary>Creates the layer from <paramref name="inChannels"/> to <paramref name="outChannels"/>.</summary>
    public MaskedConv2d(int inChannels, int outChannels) : base(nameof(MaskedConv2d))
    {
        _conv = new ChannelAlignedConv2d(inChannels, outChannels, kernel: (2, 3), padding: 1);
        // Initialised as torch initialises the 3×3 convolution this stands for (bound 1 / √fan-in, fan-in of 9 taps).
        var bound = 1 / Math.Sqrt(9.0 * inChannels);
        using (no_grad())
        {
            init.uniform_(_conv.weight!, -bound, bound);
            init.uniform_(_conv.bias!, -bound, bound);
        }
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var output = _conv.call(input);
        return output.narrow(2, 0, input.shape[2]);
    }
}
