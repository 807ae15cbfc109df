using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SelfishGen.Modules;

/// <summary>
/// <c>torch.nn.ConvTranspose2d</c> (same parameters, initialisation and state-dict names) computed through
/// <see cref="ChannelAlignment.ConvTranspose2d"/>, so its input gradient is right on CPUs where libtorch's is not; its
/// shape is checked when it is created (<see cref="ConvolutionKernels.Admit(ConvolutionCase)"/>: its input is made contiguous where
/// oneDNN's channels-last kernel for it is wrong).
/// </summary>
public sealed class ChannelAlignedConvTranspose2d : Convolution
{
    private readonly ConvolutionCase _shape;

    /// <summary>Creates a <paramref name="kernel"/>×<paramref name="kernel"/> transposed convolution, as <c>torch.nn.ConvTranspose2d</c>.</summary>
    public ChannelAlignedConvTranspose2d(
        long inChannels, long outChannels, long kernel, long stride = 1, long padding = 0, long outputPadding = 0, long groups = 1, bool bias = true)
        : base(nameof(ChannelAlignedConvTranspose2d), inChannels, outChannels, [kernel, kernel], [stride, stride], [padding, padding], null,
            [1, 1], true, [outputPadding, outputPadding], groups, bias, PaddingModes.Zeros)
    {
        _shape = ConvolutionCase.Of(this);
        ContiguousInput = ConvolutionKernels.Admit(_shape);
    }

    /// <summary>
    /// Whether input of 8×8 maps is made contiguous (not channels-last) before it is convolved: where oneDNN computes
    /// this shape wrong on channels-last input only (<see cref="ConvolutionKernels.Admit(ConvolutionCase)"/>; other map sizes are
    /// checked the first time they arrive).
    /// </summary>
    public bool ContiguousInput { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) =>
        ConvolutionKernels.Admit(_shape, input) ? ChannelsLast.ThroughContiguous(input, Convolve) : Convolve(input);

    private Tensor Convolve(Tensor input) =>
        ChannelAlignment.ConvTranspose2d(input, weight, bias, stride, padding!, output_padding, dilation, groups);
}
