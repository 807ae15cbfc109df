using SelfishGen.Data;
using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace SelfishGen.Modules;

/// <summary>
/// ResNet-18 with the CIFAR stem: a 3×3 stride-1 first convolution and no max-pool, then four stages of two basic
/// blocks (64, 128, 256, 512 channels). 32×32 inputs give 512 feature maps of 4×4. Batch norm by default, or a
/// per-sample norm (<see cref="NormKind.Layer"/>).
/// </summary>
public sealed class ResNet18 : Backbone
{
    private readonly Module<Tensor, Tensor> _stem;
    private readonly Module<Tensor, Tensor> _stages;

    /// <summary>Creates the network for images of <paramref name="input"/> shape, normalised by <paramref name="norm"/>.</summary>
    public ResNet18(ImageShape input, NormKind norm = NormKind.Batch) : base(nameof(ResNet18), input, 512)
    {
        Norm = norm;
        _stem = Sequential(
            new ChannelAlignedConv2d(input.Channels, 64, 3, padding: 1, bias: false), NormLayers.WithTorchDefaults(norm, 64), ReLU(inplace: true));
        _stages = Sequential(
            new BasicBlock(64, 64, 1, norm), new BasicBlock(64, 64, 1, norm),
            new BasicBlock(64, 128, 2, norm), new BasicBlock(128, 128, 1, norm),
            new BasicBlock(128, 256, 2, norm), new BasicBlock(256, 256, 1, norm),
            new BasicBlock(256, 512, 2, norm), new BasicBlock(512, 512, 1, norm));
        RegisterComponents();
    }

    /// <summary>The normalisation after every convolution.</summary>
    public NormKind Norm { get; }

    /// <inheritdoc />
    public override Backbone Replicate(ImageShape input) => new ResNet18(input, Norm);

    /// <inheritdoc />
    public override Tensor FeatureMaps(Tensor images) => Autocast.FeatureMaps(() =>
    {
        using var packed = ChannelsLast.Of(images);
        using var stem = _stem.call(packed);
        return _stages.call(stem);
    });

    /// <summary>Two 3×3 conv → batch-norm layers with a residual connection (1×1 projection when the shape changes).</summary>
    private sealed class BasicBlock : Module<Tensor, Tensor>
    {
        private readonly Module<Tensor, Tensor> _residual;
        private readonly Module<Tensor, Tensor>? _shortcut;

        public BasicBlock(int inChannels, int outChannels, int stride, NormKind norm) : base(nameof(BasicBlock))
        {
            _residual = Sequential(
                new ChannelAlignedConv2d(inChannels, outChannels, 3, stride: stride, padding: 1, bias: false),
                NormLayers.WithTorchDefaults(norm, outChannels),
                ReLU(inplace: true),
                new ChannelAlignedConv2d(outChannels, outChannels, 3, padding: 1, bias: false),
                NormLayers.WithTorchDefaults(norm, outChannels));
            if (stride != 1 || inChannels != outChannels)
                _shortcut = Sequential(
                    new ChannelAlignedConv2d(inChannels, outChannels, 1, stride: stride, bias: false), NormLayers.WithTorchDefaults(norm, outChannels));
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            // In place, as torchvision: the second norm's backward does not need its output, so the sum and the ReLU
            // reuse it instead of holding two more maps of the block's size until the step ends.
            var residual = _residual.call(x);
            using var shortcut = _shortcut?.call(x);
            return residual.PlusInPlace(shortcut ?? x).relu_();
        }
    }
}
