using static TorchSharp.torch;

namespace SelfishGen.Modules;

/// <summary>
/// One convolution shape whose input gradient <see cref="ConvolutionGradientCheck"/> or whose output
/// <see cref="ConvolutionOutputCheck"/> verifies.
/// </summary>
/// <param name="InChannels">Input channels.</param>
/// <param name="OutChannels">Output channels.</param>
/// <param name="Kernel">Square kernel size.</param>
/// <param name="Stride">Stride.</param>
/// <param name="Padding">Zero padding on every side.</param>
/// <param name="Transposed">A transposed convolution rather than a convolution.</param>
/// <param name="ChannelsLast">The input laid out channels-last (N, H, W, C in memory) rather than contiguous.</param>
public sealed record ConvolutionCase(int InChannels, int OutChannels, int Kernel, int Stride, int Padding, bool Transposed, bool ChannelsLast = false)
{
    /// <summary>The weight's shape: (out, in, k, k), or (in, out, k, k) when transposed.</summary>
    public long[] WeightShape => Transposed
        ? [InChannels, OutChannels, Kernel, Kernel]
        : [OutChannels, InChannels, Kernel, Kernel];

    /// <summary>The plain libtorch convolution of this shape (of <paramref name="input"/> laid out as the case says).</summary>
    public Tensor Apply(Tensor input, Tensor weight)
    {
        using var laidOut = ChannelsLast ? Modules.ChannelsLast.Of(input) : input.alias();
        return Transposed
            ? nn.functional.conv_transpose2d(laidOut, weight, strides: [Stride, Stride], padding: [Padding, Padding])
            : nn.functional.conv2d(laidOut, weight, strides: [Stride, Stride], padding: [Padding, Padding]);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{(Transposed ? "transposed conv" : "conv")} {InChannels}→{OutChannels} {Kernel}×{Kernel}" + (Stride == 1 ? "" : $" stride {Stride}")
        + (ChannelsLast ? " channels-last" : "");
}
