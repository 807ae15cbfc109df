using SelfishGen.Data;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace SelfishGen.Modules;

/// <summary>
/// A small ConvNet for tiny images: four 3×3 conv → batch-norm → ReLU blocks of 32, 64, 128 and 128 channels, with
/// 2×2 max-pooling after the first two. 28×28 inputs give 128 feature maps of 7×7.
/// </summary>
public sealed class ConvNet : Backbone
{
    private readonly Module<Tensor, Tensor> _layers;

    /// <summary>Creates the network for images of <paramref name="input"/> shape.</summary>
    public ConvNet(ImageShape input, int width = 32) : base(nameof(ConvNet), input, 4 * width)
    {
        Width = width;
        _layers = Sequential(
            Block(input.Channels, width), MaxPool2d(2),
            Block(width, 2 * width), MaxPool2d(2),
            Block(2 * width, 4 * width),
            Block(4 * width, 4 * width));
        RegisterComponents();
    }

    /// <summary>Channels of the first block; the later blocks have 2× and 4× as many.</summary>
    public int Width { get; }

    /// <inheritdoc />
    public override Backbone Replicate(ImageShape input) => new ConvNet(input, Width);

    private static Module<Tensor, Tensor> Block(int inChannels, int outChannels) => Sequential(
        new ChannelAlignedConv2d(inChannels, outChannels, 3, padding: 1, bias: false),
        BatchNorm2d(outChannels),
        ReLU(inplace: true));

    /// <inheritdoc />
    public override Tensor FeatureMaps(Tensor images) => Autocast.FeatureMaps(() => _layers.call(images));
}
