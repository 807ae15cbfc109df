using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SelfishGen.Modules;

/// <summary>
/// <c>torch.nn.Conv2d</c> (same parameters, initialisation and state-dict names) computed through
/// <see cref="ChannelAlignment.Conv2d"/>, so its input gradient is right on CPUs where libtorch's is not. Every
/// convolution of SelfishGen's modules is one; use it in your own modules too.
/// </summary>
public sealed class ChannelAlignedConv2d : Convolution
{
    /// <summary>Creates a <paramref name="kernel"/>×<paramref name="kernel"/> convolution, as <c>torch.nn.Conv2d</c>.</summary>
    public ChannelAlignedConv2d(
        long inChannels, long outChannels, long kernel, long stride = 1, long padding = 0, long dilation = 1, long groups = 1, bool bias = true)
        : base(nameof(ChannelAlignedConv2d), inChannels, outChannels, [kernel, kernel], [stride, stride], [padding, padding], null,
            [dilation, dilation], false, [0, 0], groups, bias, PaddingModes.Zeros)
    {
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => ChannelAlignment.Conv2d(input, weight, bias, stride, padding!, dilation, groups);
}
