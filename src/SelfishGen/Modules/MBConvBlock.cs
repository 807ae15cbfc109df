using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace SelfishGen.Modules;

/// <summary>
/// EfficientNet's mobile inverted bottleneck: optional 1×1 expansion → norm → SiLU, depthwise k×k conv → norm → SiLU,
/// squeeze-excite, 1×1 projection → norm (no activation). When the stride is 1 and the width is unchanged, the block
/// is residual and its branch goes through <see cref="StochasticDepth"/> before the addition.
/// </summary>
public sealed class MBConvBlock : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> _branch;
    private readonly StochasticDepth? _dropConnect;

    /// <summary>
    /// Creates a block from <paramref name="inChannels"/> to <paramref name="outChannels"/>, expanding the width by
    /// <paramref name="expand"/>, with a depthwise <paramref name="kernel"/>×<paramref name="kernel"/> conv of
    /// <paramref name="stride"/> padded by kernel / 2 on every side, and drop-connect probability
    /// <paramref name="dropConnect"/> on the residual branch.
    /// </summary>
    public MBConvBlock(int inChannels, int outChannels, int kernel, int stride, int expand, NormKind norm, double dropConnect)
        : base(nameof(MBConvBlock))
    {
        var expanded = inChannels * expand;
        var layers = new List<Module<Tensor, Tensor>>();
        if (expand != 1)
            layers.AddRange([new ChannelAlignedConv2d(inChannels, expanded, 1, bias: false), NormLayers.Create(norm, expanded), SiLU()]);
        layers.AddRange([
            new ChannelAlignedConv2d(expanded, expanded, kernel, stride: stride, padding: kernel / 2, groups: expanded, bias: false),
            NormLayers.Create(norm, expanded),
            SiLU(),
            new SqueezeExcite(expanded, Math.Max(1, inChannels / 4)),
            new ChannelAlignedConv2d(expanded, outChannels, 1, bias: false),
            NormLayers.Create(norm, outChannels)]);
        _branch = Sequential(layers);
        if (stride == 1 && inChannels == outChannels)
            _dropConnect = new StochasticDepth(dropConnect);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor maps)
    {
        var branch = _branch.call(maps);
        if (_dropConnect is null)
            return branch;
        using (branch)
        {
            using var kept = _dropConnect.call(branch);
            return kept.Plus(maps);
        }
    }
}
