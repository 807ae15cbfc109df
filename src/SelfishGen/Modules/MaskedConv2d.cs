using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace SelfishGen.Modules;

/// <summary>
/// A 3×3 convolution (padding 1) whose kernel's bottom row is zero, so each output row sees only its own input row
/// and the row above: stacked, the layers look only upwards (CPC's causal context network). The masked kernel is
/// convolved as <see cref="ChannelAlignedConv2d"/> convolves its own, with the shape checks that come with it.
/// </summary>
public sealed class MaskedConv2d : Module<Tensor, Tensor>
{
    private readonly ChannelAlignedConv2d _conv;

    /// <summary>Creates the layer from <paramref name="inChannels"/> to <paramref name="outChannels"/>.</summary>
    public MaskedConv2d(int inChannels, int outChannels) : base(nameof(MaskedConv2d))
    {
        _conv = new ChannelAlignedConv2d(inChannels, outChannels, 3, padding: 1);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var mask = ones(3, 3, dtype: _conv.weight!.dtype, device: _conv.weight.device);
        mask[2].zero_();
        using var masked = _conv.weight * mask;
        return _conv.Convolve(input, masked);
    }
}
