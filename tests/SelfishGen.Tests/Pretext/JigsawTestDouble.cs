using SelfishGen.Data;
using SelfishGen.Modules;
using SelfishGen.Objectives;
using SelfishGen.Pretext;

namespace SelfishGen.Tests.Pretext;

/// <summary>Test double of the Jigsaw method the generator will write: jigsaw pretext, backbone, classifier, cross-entropy.</summary>
internal sealed class JigsawTestDouble : SelfSupervisedMethod
{
    private readonly JigsawPretext _pretext = new(grid: 2, cropFraction: 0.9);
    private readonly MlpHead _classifier;
    private readonly ClassificationObjective _objective = new();

    public sealed record Options : MethodOptions;

    public JigsawTestDouble(IImageDataset dataset)
        : base(nameof(JigsawTestDouble), DatasetInfo.Of(dataset), new Options(), new ConvNet(dataset.Shape, width: 8))
    {
        Dataset = dataset;
        _classifier = new MlpHead(Backbone.OutputFeatures, [32], _pretext.ClassCount);
        register_module("classifier", _classifier);
    }

    protected override Tensor ComputeLoss(Batch batch, TrainingContext context)
    {
        var (inputs, targets) = _pretext.Apply(batch, context);
        return _objective.Loss(_classifier.call(Backbone.call(inputs)), targets);
    }
}
