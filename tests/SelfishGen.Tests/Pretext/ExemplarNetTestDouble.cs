using SelfishGen.Augmentations;
using SelfishGen.Data;
using SelfishGen.Modules;
using SelfishGen.Objectives;
using SelfishGen.Pretext;

namespace SelfishGen.Tests.Pretext;

/// <summary>
/// Test double of the ExemplarNet the generator will write: exemplar pretext, backbone, classifier, cross-entropy.
/// It takes the augmentation as a parameter: the full Exemplar pool needs far more steps than a unit test runs.
/// </summary>
internal sealed class ExemplarNetTestDouble : SelfSupervisedMethod
{
    private readonly ExemplarPretext _pretext;
    private readonly MlpHead _classifier;
    private readonly ClassificationObjective _objective = new();

    public sealed record Options : MethodOptions;

    public ExemplarNetTestDouble(IImageDataset dataset, int classes, IAugmentation? augmentation = null)
        : base(nameof(ExemplarNetTestDouble), DatasetInfo.Of(dataset), new Options(), new ConvNet(dataset.Shape, width: 8))
    {
        Dataset = dataset;
        _pretext = new ExemplarPretext(Data.Count, classes, seed: 0, augmentation);
        _classifier = new MlpHead(Backbone.OutputFeatures, [32], _pretext.ClassCount);
        register_module("classifier", _classifier);
    }

    protected override TrainingSetup InitDataOptimizer(
        IImageDataset dataset, OptimizerKind optimizer, double lr, LrSchedule schedule, int epochs, int batchSize, bool shuffle, int numWorkers) =>
        base.InitDataOptimizer(_pretext.Prepare(dataset), optimizer, lr, schedule, epochs, batchSize, shuffle, numWorkers);

    protected override Tensor ComputeLoss(Batch batch, TrainingContext context)
    {
        var (inputs, targets) = _pretext.Apply(batch, context);
        return _objective.Loss(_classifier.call(Backbone.call(inputs)), targets);
    }
}
