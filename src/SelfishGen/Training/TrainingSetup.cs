using SelfishGen.Data;
using OptimizerHelper = TorchSharp.Modules.OptimizerHelper;

namespace SelfishGen;

/// <summary>What <see cref="SelfSupervisedMethod.Supervise"/> trains with: loader, optimizer and schedule.</summary>
public sealed class TrainingSetup(DataLoader loader, OptimizerHelper optimizer, OptimizerKind kind, double lr, LrSchedule schedule, int epochs)
{
    /// <summary>The batches.</summary>
    public DataLoader Loader { get; } = loader;

    /// <summary>The optimizer over the method's parameters.</summary>
    public OptimizerHelper Optimizer { get; } = optimizer;

    /// <summary>Which optimizer this is.</summary>
    public OptimizerKind Kind { get; } = kind;

    /// <summary>The base learning rate.</summary>
    public double BaseLearningRate { get; } = lr;

    /// <summary>The learning-rate schedule.</summary>
    public LrSchedule Schedule { get; } = schedule;

    /// <summary>Total epochs of the run.</summary>
    public int Epochs { get; } = epochs;

    /// <summary>The learning rate of the latest step.</summary>
    public double CurrentLearningRate { get; private set; } = lr;

    /// <summary>Steps the optimizer over <paramref name="parameters"/>, whose gradients LARS first rescales.</summary>
    public void Step(IEnumerable<TorchSharp.Modules.Parameter> parameters)
    {
        if (Kind == OptimizerKind.Lars)
            LarsScaling.Apply(parameters, OptimizerSettings.For(Kind));
        Optimizer.step();
    }

    /// <summary>Sets the learning rate of every parameter group for <paramref name="step"/>.</summary>
    public void ApplySchedule(long step, long totalSteps)
    {
        CurrentLearningRate = BaseLearningRate * Schedule.Factor(step, totalSteps);
        foreach (var group in Optimizer.ParamGroups)
            group.LearningRate = CurrentLearningRate;
    }
}
