using SelfishGen.Data;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace SelfishGen.Modules;

/// <summary>
/// A small ConvNet for tiny images: four 3×3 conv → batch-norm → ReLU blocks of 32, 64, 128 and 128 channels, with
/// 2×2 max-pooling after the first two. 28×28 inputs give 128 feature maps of 7×7. Batch norm by default, or a
/// per-sample norm (<see cref="NormKind.Layer"/>).
/// </summary>
public sealed class ConvNet : Backbone
{
    private readonly Module<Tensor, Tensor> _layers;

    /// <summary>Creates the network for images of <paramref name="input"/> shape, normalised by <paramref name="norm"/>.</summary>
    public ConvNet(ImageShape input, int width = 32, NormKind norm = NormKind.Batch) : base(nameof(ConvNet), input, 4 * width)
    {
        Width = width;
        Norm = norm;
        _layers = Sequential(
            Block(input.Channels, width, norm), MaxPool2d(2),
            Block(width, 2 * width, norm), MaxPool2d(2),
            Block(2 * width, 4 * width, norm),
            Block(4 * width, 4 * width, norm));
        RegisterComponents();
    }

    /// <summary>Channels of the first block; the later blocks have 2× and 4× as many.</summary>
    public int Width { get; }

    /// <summary>The normalisation after every convolution.</summary>
    public NormKind Norm { get; }

    /// <inheritdoc />
    public override Backbone Replicate(ImageShape input) => new ConvNet(input, Width, Norm);

    private static Module<Tensor, Tensor> Block(int inChannels, int outChannels, NormKind norm) => Sequential(
        new ChannelAlignedConv2d(inChannels, outChannels, 3, padding: 1, bias: false),
        NormLayers.WithTorchDefaults(norm, outChannels),
        ReLU(inplace: true));

    /// <inheritdoc />
    public override Tensor FeatureMaps(Tensor images) => Autocast.FeatureMaps(() =>
    {
        using var packed = ChannelsLast.Of(images);
        return _layers.call(packed);
    });
}
