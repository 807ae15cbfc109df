using SelfishGen.Data;
using SelfishGen.Modules;
using SelfishGen.Objectives;
using SelfishGen.Pretext;

namespace SelfishGen.Tests.Pretext;

/// <summary>
/// Test double of the SplitBrain method the generator will write: a split L / ab backbone, a per-pixel classifier on
/// each half predicting the other half's quantised channels, per-pixel cross-entropy.
/// </summary>
internal sealed class SplitBrainTestDouble : SelfSupervisedMethod
{
    private readonly SplitBrainBackbone _split;
    private readonly ColorSplitPretext _pretext;
    private readonly nn.Module<Tensor, Tensor> _colorHead;
    private readonly nn.Module<Tensor, Tensor> _lightnessHead;
    private readonly PixelClassificationLoss _objective = new();

    public sealed record Options : MethodOptions;

    public SplitBrainTestDouble(IImageDataset dataset)
        : base(nameof(SplitBrainTestDouble), DatasetInfo.Of(dataset), new Options(), NewBackbone(dataset.Shape))
    {
        Dataset = dataset;
        _split = (SplitBrainBackbone)Backbone;
        _pretext = new ColorSplitPretext(dataset.Shape);
        _colorHead = nn.Conv2d(_split.Lightness.OutputFeatures, _pretext.ColorClassCount, 1);
        _lightnessHead = nn.Conv2d(_split.Color.OutputFeatures, _pretext.LightnessClassCount, 1);
        register_module("color_head", _colorHead);
        register_module("lightness_head", _lightnessHead);
    }

    private static SplitBrainBackbone NewBackbone(ImageShape shape) =>
        new(new ConvNet(shape with { Channels = 1 }, width: 8), new ConvNet(shape with { Channels = 2 }, width: 8));

    protected override Tensor ComputeLoss(Batch batch, TrainingContext context)
    {
        var sample = _pretext.Apply(batch, context);
        var colorLogits = _colorHead.call(_split.Lightness.FeatureMaps(sample.Lightness));
        var lightnessLogits = _lightnessHead.call(_split.Color.FeatureMaps(sample.Color));
        return _objective.Loss(colorLogits, sample.ColorTargets) + _objective.Loss(lightnessLogits, sample.LightnessTargets);
    }
}
