using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace SelfishGen.Modules;

/// <summary>
/// Squeeze-and-excitation: global average pool → 1×1 conv to a squeezed width → SiLU → 1×1 conv back → sigmoid,
/// which then rescales each channel of the input.
/// </summary>
public sealed class SqueezeExcite : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> _gate;

    /// <summary>Creates the gate for <paramref name="channels"/> channels squeezed to <paramref name="squeezed"/>.</summary>
    public SqueezeExcite(int channels, int squeezed) : base(nameof(SqueezeExcite))
    {
        _gate = Sequential(new ChannelAlignedConv2d(channels, squeezed, 1), SiLU(), new ChannelAlignedConv2d(squeezed, channels, 1), Sigmoid());
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor maps)
    {
        using var pooled = maps.mean([2, 3], keepdim: true);
        using var gate = _gate.call(pooled);
        return maps * gate;
    }
}
