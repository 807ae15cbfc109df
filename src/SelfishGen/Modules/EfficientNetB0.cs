using SelfishGen.Data;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace SelfishGen.Modules;

/// <summary>
/// EfficientNet-B0 feature extractor: a 3×3 stride-2 stem (32 channels), 16 <see cref="MBConvBlock"/>s in seven
/// stages, and a 1×1 head conv to 1280 channels, each conv followed by the chosen <see cref="NormKind"/> and SiLU.
/// There is no classifier. The feature maps are 1/32 of the input size, rounded up: 224 → 7×7, 225 → 8×8, 32 → 1×1.
/// </summary>
/// <remarks>
/// Every conv is padded by kernel / 2 on all sides, so any input size works and a stride-2 conv maps n to ⌈n / 2⌉
/// (the sizes TensorFlow's "SAME" padding gives, with the padding split evenly). The original instead fixed
/// asymmetric pads computed for a 224 input, which gives other sizes at other resolutions (a 56×56 crop ends as 1×1
/// rather than 2×2); that behaviour is deliberately not reproduced, so code that needs a given map size pools to it.
/// With <see cref="NormKind.Layer"/>, every normalisation, the head's included, is per-sample (the original's
/// "layer norm" used batch statistics and left the head on batch norm).
/// </remarks>
public sealed class EfficientNetB0 : Backbone
{
    private const int StemChannels = 32;
    private const int HeadChannels = 1280;

    /// <summary>The b0 stages: blocks, depthwise kernel, stride of the first block, expansion, output channels.</summary>
    internal static readonly (int Repeats, int Kernel, int Stride, int Expand, int Channels)[] Stages =
    [
        (1, 3, 1, 1, 16),
        (2, 3, 2, 6, 24),
        (2, 5, 2, 6, 40),
        (3, 3, 2, 6, 80),
        (3, 5, 1, 6, 112),
        (4, 5, 2, 6, 192),
        (1, 3, 1, 6, 320),
    ];

    private readonly Module<Tensor, Tensor> _stem;
    private readonly Module<Tensor, Tensor> _blocks;
    private readonly Module<Tensor, Tensor> _head;

    /// <summary>
    /// Creates the network for images of <paramref name="input"/> shape with <paramref name="norm"/> normalisation;
    /// block i of the 16 drops its residual branch with probability <paramref name="dropConnect"/> · i / 16 in training.
    /// </summary>
    public EfficientNetB0(ImageShape input, NormKind norm = NormKind.Batch, double dropConnect = 0.2)
        : base(nameof(EfficientNetB0), input, HeadChannels)
    {
        Norm = norm;
        DropConnect = dropConnect;
        _stem = Sequential(
            new ChannelAlignedConv2d(input.Channels, StemChannels, 3, stride: 2, padding: 1, bias: false), NormLayers.Create(norm, StemChannels), SiLU());
        _blocks = Sequential(Blocks(norm, dropConnect));
        var last = Stages[^1].Channels;
        _head = Sequential(new ChannelAlignedConv2d(last, HeadChannels, 1, bias: false), NormLayers.Create(norm, HeadChannels), SiLU());
        RegisterComponents();
    }

    /// <summary>The normalisation used after every convolution.</summary>
    public NormKind Norm { get; }

    /// <summary>The drop-connect rate of the last block.</summary>
    public double DropConnect { get; }

    /// <inheritdoc />
    public override Backbone Replicate(ImageShape input) => new EfficientNetB0(input, Norm, DropConnect);

    private static List<Module<Tensor, Tensor>> Blocks(NormKind norm, double dropConnect)
    {
        var total = Stages.Sum(stage => stage.Repeats);
        var blocks = new List<Module<Tensor, Tensor>>(total);
        var channels = StemChannels;
        foreach (var (repeats, kernel, stride, expand, outChannels) in Stages)
        {
            for (var repeat = 0; repeat < repeats; repeat++)
            {
                var rate = dropConnect * blocks.Count / total;
                blocks.Add(new MBConvBlock(channels, outChannels, kernel, repeat == 0 ? stride : 1, expand, norm, rate));
                channels = outChannels;
            }
        }
        return blocks;
    }

    /// <inheritdoc />
    public override Tensor FeatureMaps(Tensor images) => Autocast.FeatureMaps(() =>
    {
        using var packed = ChannelsLast.Of(images);
        using var stem = _stem.call(packed);
        using var blocks = _blocks.call(stem);
        return _head.call(blocks);
    });
}
