using SelfishGen.Data;
using SelfishGen.Modules;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SelfishGen;

/// <summary>
/// A method trained against a discriminator, in alternating steps: every step first updates the
/// <see cref="Discriminator"/> on <see cref="ComputeDiscriminatorLoss"/> with its own optimizer, then the rest of the
/// method (backbone, generator, heads) on <see cref="SelfSupervisedMethod.ComputeLoss"/>, which sees the updated
/// discriminator. Both optimizers have the kind, settings, learning rate and schedule of the run, and both
/// states are saved in checkpoints, so a resumed run continues exactly.
/// </summary>
public abstract class AdversarialMethod : SelfSupervisedMethod
{
    private TrainingSetup? _setup;
    private OptimizerHelper? _discriminatorOptimizer;

    /// <inheritdoc />
    protected AdversarialMethod(string name, DatasetInfo data, MethodOptions options, Backbone? backbone)
        : base(name, data, options, backbone)
    {
    }

    /// <summary>The discriminator: a registered submodule, trained only by the discriminator step.</summary>
    protected abstract nn.Module Discriminator { get; }

    /// <summary>The discriminator's loss of one batch; generated samples in it must not carry gradients (compute them under no_grad or detach them).</summary>
    protected abstract Tensor ComputeDiscriminatorLoss(Batch batch, TrainingContext context);

    /// <summary>The discriminator's loss in the latest step.</summary>
    public float LastDiscriminatorLoss { get; private set; }

    /// <summary>Step 2: as the base step, with the optimizer over everything but the discriminator, plus the discriminator's own.</summary>
    protected override TrainingSetup InitDataOptimizer(IImageDataset dataset, TrainingPlan plan)
    {
        _discriminatorOptimizer?.Dispose();
        var discriminatorParameters = Discriminator.parameters().Where(p => p.requires_grad).ToList();
        _discriminatorOptimizer = Optimizers.Create(plan.Recipe.OptimizerSettings, discriminatorParameters, plan.LearningRate);
        foreach (var parameter in discriminatorParameters)
            parameter.requires_grad = false;
        try
        {
            _setup = base.InitDataOptimizer(dataset, plan);
            return _setup;
        }
        finally
        {
            foreach (var parameter in discriminatorParameters)
                parameter.requires_grad = true;
        }
    }

    /// <summary>Step 4: the discriminator step, then the loss of the rest of the method against the updated discriminator.</summary>
    protected override Tensor Forward(Batch batch, TrainingContext context)
    {
        var (setup, discriminatorOptimizer) = (RequireSetup(), _discriminatorOptimizer!);
        foreach (var group in discriminatorOptimizer.ParamGroups)
            group.LearningRate = setup.CurrentLearningRate;
        discriminatorOptimizer.zero_grad();
        var discriminatorLoss = ComputeDiscriminatorLoss(batch, context);
        LastDiscriminatorLoss = FiniteLoss(discriminatorLoss, "the discriminator's loss", context);
        discriminatorLoss.backward();
        AverageGradientsOverRanks(discriminatorOptimizer);
        EnsureFiniteGradients(discriminatorOptimizer, "a discriminator gradient", context);
        discriminatorOptimizer.step();
        setup.Optimizer.zero_grad();
        return ComputeLoss(batch, context);
    }

    /// <inheritdoc />
    protected override void WriteOptimizerState(BinaryWriter writer, OptimizerHelper optimizer)
    {
        base.WriteOptimizerState(writer, optimizer);
        _discriminatorOptimizer?.save_state_dict(writer);
    }

    /// <inheritdoc />
    protected override void ReadOptimizerState(BinaryReader reader, OptimizerHelper optimizer)
    {
        base.ReadOptimizerState(reader, optimizer);
        if (reader.BaseStream.Position < reader.BaseStream.Length)
            _discriminatorOptimizer!.load_state_dict(reader);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _discriminatorOptimizer?.Dispose();
        base.Dispose(disposing);
    }

    private TrainingSetup RequireSetup() =>
        _setup ?? throw new InvalidOperationException($"{GetName()} trains only inside {nameof(Supervise)}.");
}
