using SelfishGen.Data;
using Parameter = TorchSharp.Modules.Parameter;
using ParamGroup = TorchSharp.Modules.ParamGroup;
using OptimizerHelper = TorchSharp.Modules.OptimizerHelper;

namespace SelfishGen;

/// <summary>
/// What <see cref="SelfSupervisedMethod.Supervise"/> trains with: loader, optimizer and plan; applies the plan's
/// schedules (learning rate, weight decay), gradient clipping, LARS and the frozen last layer at each step.
/// </summary>
public sealed class TrainingSetup(DataLoader loader, OptimizerHelper optimizer, TrainingPlan plan)
{
    /// <summary>The batches.</summary>
    public DataLoader Loader { get; } = loader;

    /// <summary>The optimizer over the method's parameters.</summary>
    public OptimizerHelper Optimizer { get; } = optimizer;

    /// <summary>The recipe after overrides, the schedule and the run's length.</summary>
    public TrainingPlan Plan { get; } = plan;

    /// <summary>Total epochs of the run.</summary>
    public int Epochs => Plan.Epochs;

    /// <summary>The learning rate of the latest step.</summary>
    public double CurrentLearningRate { get; private set; } = plan.LearningRate;

    /// <summary>The weight decay of the latest step.</summary>
    public double CurrentWeightDecay { get; private set; } = plan.Recipe.WeightDecay;

    /// <summary>
    /// Steps the optimizer over <paramref name="parameters"/>, whose gradients are first clipped (when the recipe
    /// says so) and rescaled by LARS (when it is the optimizer).
    /// </summary>
    public void Step(IEnumerable<Parameter> parameters)
    {
        var recipe = Plan.Recipe;
        if (recipe.GradientClip is { } clip)
            GradientClipping.Apply(parameters, clip);
        if (recipe.Optimizer == OptimizerKind.Lars)
            LarsScaling.Apply(parameters, recipe.OptimizerSettings with { WeightDecay = CurrentWeightDecay }, CurrentLearningRate);
        Optimizer.step();
    }

    /// <summary>Sets the learning rate and weight decay of every parameter group for <paramref name="step"/> of <paramref name="totalSteps"/>.</summary>
    public void ApplySchedule(long step, long totalSteps)
    {
        CurrentLearningRate = Plan.LearningRate * Plan.Schedule.Factor(step, totalSteps);
        foreach (var group in Optimizer.ParamGroups)
            group.LearningRate = CurrentLearningRate;
        if (Plan.Recipe.FinalWeightDecay is null)
            return;
        CurrentWeightDecay = Plan.Recipe.WeightDecayAt(step / (double)Math.Max(1, totalSteps - 1));
        foreach (var group in Optimizer.ParamGroups.OfType<ParamGroup>().Where(g => g.Parameters.All(Optimizers.Decays)))
            Optimizers.SetWeightDecay(group, CurrentWeightDecay);
    }

    /// <summary>
    /// Keeps <paramref name="lastLayer"/> from training (no gradient, so no update and no weight decay either) while
    /// <paramref name="step"/> of <paramref name="totalSteps"/> is within the recipe's frozen start
    /// (<see cref="TrainingRecipe.FrozenLastLayerSteps"/>).
    /// </summary>
    public void FreezeLastLayer(IEnumerable<Parameter> lastLayer, long step, long totalSteps) =>
        SetTrainable(lastLayer, step >= Plan.Recipe.FrozenLastLayerSteps(Loader.BatchesPerEpoch, totalSteps));

    /// <summary>Makes <paramref name="lastLayer"/> trainable again: at the end of a run, whatever epoch it ended in.</summary>
    public static void Thaw(IEnumerable<Parameter> lastLayer) => SetTrainable(lastLayer, true);

    private static void SetTrainable(IEnumerable<Parameter> parameters, bool trainable)
    {
        foreach (var parameter in parameters)
            parameter.requires_grad = trainable;
    }
}
