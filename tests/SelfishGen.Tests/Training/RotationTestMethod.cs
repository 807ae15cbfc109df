using SelfishGen.Data;
using SelfishGen.Modules;
using SelfishGen.Objectives;
using SelfishGen.Pretext;

namespace SelfishGen.Tests.Training;

/// <summary>A hand-written rotation method that exercises the training loop without the generator.</summary>
internal sealed class RotationTestMethod : SelfSupervisedMethod
{
    private readonly RotationPretext _pretext = new();
    private readonly MlpHead _classifier;
    private readonly ClassificationObjective _objective = new();

    public sealed record Options : MethodOptions;

    public RotationTestMethod(IImageDataset dataset)
        : base(nameof(RotationTestMethod), DatasetInfo.Of(dataset), new Options { Backbone = BackboneKind.ConvNet }, new ConvNet(dataset.Shape, width: 8))
    {
        Dataset = dataset;
        _classifier = new MlpHead(Backbone.OutputFeatures, [32], _pretext.ClassCount);
        register_module("classifier", _classifier);
    }

    protected override Tensor ComputeLoss(Batch batch, TrainingContext context)
    {
        var (inputs, targets) = _pretext.Apply(batch.Images);
        return _objective.Loss(_classifier.call(Backbone.call(inputs)), targets);
    }
}
