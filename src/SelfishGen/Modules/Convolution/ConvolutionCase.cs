using static TorchSharp.torch;

namespace SelfishGen.Modules;

/// <summary>One convolution shape whose input gradient <see cref="ConvolutionGradientCheck"/> verifies.</summary>
/// <param name="InChannels">Input channels.</param>
/// <param name="OutChannels">Output channels.</param>
/// <param name="Kernel">Square kernel size.</param>
/// <param name="Stride">Stride.</param>
/// <param name="Padding">Zero padding on every side.</param>
/// <param name="Transposed">A transposed convolution rather than a convolution.</param>
public sealed record ConvolutionCase(int InChannels, int OutChannels, int Kernel, int Stride, int Padding, bool Transposed)
{
    /// <summary>The weight's shape: (out, in, k, k), or (in, out, k, k) when transposed.</summary>
    public long[] WeightShape => Transposed
        ? [InChannels, OutChannels, Kernel, Kernel]
        : [OutChannels, InChannels, Kernel, Kernel];

    /// <summary>The plain libtorch convolution of this shape.</summary>
    public Tensor Apply(Tensor input, Tensor weight) => Transposed
        ? nn.functional.conv_transpose2d(input, weight, strides: [Stride, Stride], padding: [Padding, Padding])
        : nn.functional.conv2d(input, weight, strides: [Stride, Stride], padding: [Padding, Padding]);

    /// <inheritdoc />
    public override string ToString() =>
        $"{(Transposed ? "transposed conv" : "conv")} {InChannels}→{OutChannels} {Kernel}×{Kernel}" + (Stride == 1 ? "" : $" stride {Stride}");
}
