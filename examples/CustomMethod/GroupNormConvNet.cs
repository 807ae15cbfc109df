using SelfishGen.Data;
using SelfishGen.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace CustomMethod;

/// <summary>
/// A backbone of our own: three 3×3 convolution → group norm → ReLU blocks of <see cref="Width"/>, 2× and 4× that many
/// channels, the first two followed by 2×2 max-pooling. Group norm keeps each image's features independent of the
/// rest of its batch. Declared with <c>[Backbone(typeof(GroupNormConvNet))]</c>.
/// </summary>
public sealed class GroupNormConvNet : Backbone
{
    private readonly Module<Tensor, Tensor> _layers;

    /// <summary>Creates the network for images of <paramref name="input"/> shape (what the generated method calls).</summary>
    public GroupNormConvNet(ImageShape input) : this(input, width: 16)
    {
    }

    /// <summary>Creates the network for images of <paramref name="input"/> shape, <paramref name="width"/> channels wide at first.</summary>
    public GroupNormConvNet(ImageShape input, int width) : base(nameof(GroupNormConvNet), input, 4 * width)
    {
        Width = width;
        _layers = Sequential(
            Block(input.Channels, width), MaxPool2d(2),
            Block(width, 2 * width), MaxPool2d(2),
            Block(2 * width, 4 * width));
        RegisterComponents();
    }

    /// <summary>Channels of the first block.</summary>
    public int Width { get; }

    /// <inheritdoc />
    public override Backbone Replicate(ImageShape input) => new GroupNormConvNet(input, Width);

    /// <inheritdoc />
    public override Tensor FeatureMaps(Tensor images) => _layers.call(images);

    // The library's convolution, which works around wrong float32 input gradients of this libtorch on some CPUs
    // (docs/onednn-conv-gradient.md), and its per-sample norm (a one-group GroupNorm initialised as the identity).
    private static Module<Tensor, Tensor> Block(int inChannels, int outChannels) => Sequential(
        new ChannelAlignedConv2d(inChannels, outChannels, 3, padding: 1, bias: false),
        NormLayers.Create(NormKind.Layer, outChannels),
        ReLU(inplace: true));
}
