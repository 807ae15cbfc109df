using SelfishGen.Data;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace SelfishGen.Modules;

/// <summary>
/// ResNet-18 with the CIFAR stem: a 3×3 stride-1 first convolution and no max-pool, then four stages of two basic
/// blocks (64, 128, 256, 512 channels). 32×32 inputs give 512 feature maps of 4×4.
/// </summary>
public sealed class ResNet18 : Backbone
{
    private readonly Module<Tensor, Tensor> _stem;
    private readonly Module<Tensor, Tensor> _stages;

    /// <summary>Creates the network for images of <paramref name="input"/> shape.</summary>
    public ResNet18(ImageShape input) : base(nameof(ResNet18), input, 512)
    {
        _stem = Sequential(new ChannelAlignedConv2d(input.Channels, 64, 3, padding: 1, bias: false), BatchNorm2d(64), ReLU(inplace: true));
        _stages = Sequential(
            new BasicBlock(64, 64, 1), new BasicBlock(64, 64, 1),
            new BasicBlock(64, 128, 2), new BasicBlock(128, 128, 1),
            new BasicBlock(128, 256, 2), new BasicBlock(256, 256, 1),
            new BasicBlock(256, 512, 2), new BasicBlock(512, 512, 1));
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Backbone Replicate(ImageShape input) => new ResNet18(input);

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

        public BasicBlock(int inChannels, int outChannels, int stride) : base(nameof(BasicBlock))
        {
            _residual = Sequential(
                new ChannelAlignedConv2d(inChannels, outChannels, 3, stride: stride, padding: 1, bias: false),
                BatchNorm2d(outChannels),
                ReLU(inplace: true),
                new ChannelAlignedConv2d(outChannels, outChannels, 3, padding: 1, bias: false),
                BatchNorm2d(outChannels));
            if (stride != 1 || inChannels != outChannels)
                _shortcut = Sequential(new ChannelAlignedConv2d(inChannels, outChannels, 1, stride: stride, bias: false), BatchNorm2d(outChannels));
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            using var residual = _residual.call(x);
            using var shortcut = _shortcut?.call(x);
            return functional.relu(residual + (shortcut ?? x));
        }
    }
}
