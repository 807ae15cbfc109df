using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SelfishGen.Modules;

/// <summary>
/// <c>torch.nn.Conv2d</c> (same parameters, initialisation and state-dict names) computed through
/// <see cref="ChannelAlignment.Conv2d"/>, so its input gradient is right on CPUs where libtorch's is not, and in low
/// precision inside an <see cref="Autocast"/> scope, and its shape checked when it is created
/// (<see cref="ConvolutionKernels.Admit(ConvolutionCase)"/>: its input is made contiguous where oneDNN's channels-last kernel for it is
/// wrong). Every convolution of SelfishGen's modules is one; use it in your own modules too.
/// </summary>
public sealed class ChannelAlignedConv2d : Convolution
{
    private readonly ConvolutionCase _shape;

    /// <summary>Creates a <paramref name="kernel"/>×<paramref name="kernel"/> convolution, as <c>torch.nn.Conv2d</c>.</summary>
    public ChannelAlignedConv2d(
        long inChannels, long outChannels, long kernel, long stride = 1, long padding = 0, long dilation = 1, long groups = 1, bool bias = true)
        : this(inChannels, outChannels, (kernel, kernel), stride, padding, dilation, groups, bias)
    {
    }

    /// <summary>Creates a convolution of a <paramref name="kernel"/> of (rows, columns) that need not be square, as <c>torch.nn.Conv2d</c>.</summary>
    public ChannelAlignedConv2d(
        long inChannels, long outChannels, (long Rows, long Columns) kernel, long stride = 1, long padding = 0, long dilation = 1, long groups = 1,
        bool bias = true)
        : base(nameof(ChannelAlignedConv2d), inChannels, outChannels, [kernel.Rows, kernel.Columns], [stride, stride], [padding, padding], null,
            [dilation, dilation], false, [0, 0], groups, bias, PaddingModes.Zeros)
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
        ConvolutionKernels.Admit(_shape, input) ? ChannelsLast.ThroughContiguous(input, ConvolveLaidOut) : ConvolveLaidOut(input);

    private Tensor ConvolveLaidOut(Tensor input)
    {
        if (!Autocast.Applies(input))
            return ChannelAlignment.Conv2d(input, weight!, bias, stride, padding!, dilation, groups);
        if (input.device_type == DeviceType.CPU && (groups != 1 || !ConvolutionKernels.LowPrecisionRight(_shape, input)))
        {
            // In float32: grouped (depthwise) convolutions, whose low-precision gradient kernels are several times
            // slower than the float32 ones on small and strided maps (EfficientNet-B0's later stages), and a shape
            // whose low-precision result oneDNN gets wrong on this CPU.
            using var full = input.to(ScalarType.Float32);
            using var output = ChannelAlignment.Conv2d(full, weight!, bias, stride, padding!, dilation, groups);
            return Autocast.Low(output);
        }
        return input.device_type == DeviceType.CPU && LowPrecisionConvolution.Suits(input, weight!, stride, padding!, dilation)
            ? LowPrecisionConvolution.Conv2d(input, weight!, bias, stride, padding!, dilation)
            : LowPrecisionConvolution.ThroughCasts(input, weight!, bias, stride, padding!, dilation, groups);
    }
}
