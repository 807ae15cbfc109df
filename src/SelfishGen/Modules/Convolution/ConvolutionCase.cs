using static TorchSharp.torch;

namespace SelfishGen.Modules;

/// <summary>
/// One convolution shape whose input gradient <see cref="ConvolutionGradientCheck"/> or whose output
/// <see cref="ConvolutionOutputCheck"/> verifies.
/// </summary>
/// <param name="InChannels">Input channels.</param>
/// <param name="OutChannels">Output channels.</param>
/// <param name="Kernel">Kernel size: its side, or its columns when <paramref name="KernelRows"/> is given.</param>
/// <param name="Stride">Stride.</param>
/// <param name="Padding">Zero padding on every side.</param>
/// <param name="Transposed">A transposed convolution rather than a convolution.</param>
/// <param name="ChannelsLast">The input laid out channels-last (N, H, W, C in memory) rather than contiguous.</param>
/// <param name="Groups">Channel groups (the input channels for a depthwise convolution).</param>
/// <param name="Dilation">Spacing of the kernel's taps.</param>
/// <param name="KernelRows">Rows of a kernel that is not square (<paramref name="Kernel"/> is then its columns); null for a square one.</param>
/// <param name="MapHeight">Rows of the input maps checked (oneDNN may be right on some map sizes and wrong on others).</param>
/// <param name="MapWidth">Columns of the input maps checked.</param>
public sealed record ConvolutionCase(
    int InChannels, int OutChannels, int Kernel, int Stride, int Padding, bool Transposed, bool ChannelsLast = false, int Groups = 1, int Dilation = 1,
    int? KernelRows = null, int MapHeight = ConvolutionShapeCheck.MapSize, int MapWidth = ConvolutionShapeCheck.MapSize)
{
    /// <summary>The weight's shape: (out, in / groups, rows, columns), or (in, out / groups, rows, columns) when transposed.</summary>
    public long[] WeightShape => Transposed
        ? [InChannels, OutChannels / Groups, Rows, Kernel]
        : [OutChannels, InChannels / Groups, Rows, Kernel];

    private int Rows => KernelRows ?? Kernel;

    /// <summary>The shape of a 2-d convolution module (equal strides, padding and dilation on both axes).</summary>
    public static ConvolutionCase Of(TorchSharp.Modules.Convolution module) => new(
        (int)module.in_channels, (int)module.out_channels, (int)module.kernel_size[1], (int)module.stride[0], (int)module.padding![0],
        module.transposed, Groups: (int)module.groups, Dilation: (int)module.dilation[0],
        KernelRows: module.kernel_size[0] == module.kernel_size[1] ? null : (int)module.kernel_size[0]);

    /// <summary>This shape on maps the size of <paramref name="input"/>'s (N, C, H, W).</summary>
    public ConvolutionCase OnMapsOf(Tensor input) => this with { MapHeight = (int)input.shape[2], MapWidth = (int)input.shape[3] };

    /// <summary>The plain libtorch convolution of this shape (of <paramref name="input"/> laid out as the case says).</summary>
    public Tensor Apply(Tensor input, Tensor weight) => Apply(input, weight, aligned: false);

    /// <summary>
    /// The convolution of this shape as SelfishGen's modules compute it (<see cref="ChannelAlignment"/>), of
    /// <paramref name="input"/> laid out as the case says.
    /// </summary>
    public Tensor ApplyAligned(Tensor input, Tensor weight) => Apply(input, weight, aligned: true);

    /// <summary><paramref name="input"/> laid out as the case says: a channels-last copy, or an alias.</summary>
    public Tensor LaidOut(Tensor input) => ChannelsLast ? Modules.ChannelsLast.Of(input) : input.alias();

    private Tensor Apply(Tensor input, Tensor weight, bool aligned)
    {
        using var laidOut = LaidOut(input);
        long[] stride = [Stride, Stride], padding = [Padding, Padding], dilation = [Dilation, Dilation];
        return (Transposed, aligned) switch
        {
            (true, true) => ChannelAlignment.ConvTranspose2d(laidOut, weight, null, stride, padding, [0, 0], dilation, Groups),
            (true, false) => nn.functional.conv_transpose2d(laidOut, weight, null, stride, padding, [0, 0], dilation, Groups),
            (false, true) => ChannelAlignment.Conv2d(laidOut, weight, null, stride, padding, dilation, Groups),
            (false, false) => nn.functional.conv2d(laidOut, weight, null, stride, padding, dilation, Groups),
        };
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{(Transposed ? "transposed conv" : "conv")} {InChannels}→{OutChannels} {Rows}×{Kernel}" + (Stride == 1 ? "" : $" stride {Stride}")
        + (Groups == 1 ? "" : $" in {Groups} groups") + (Dilation == 1 ? "" : $" dilation {Dilation}") + (ChannelsLast ? " channels-last" : "")
        + (MapHeight == ConvolutionShapeCheck.MapSize && MapWidth == ConvolutionShapeCheck.MapSize ? "" : $" on {MapHeight}×{MapWidth} maps");
}
