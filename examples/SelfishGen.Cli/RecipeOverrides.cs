namespace SelfishGen.Cli;

/// <summary>
/// The training settings a command line gives (<c>--lr</c>, <c>--optimizer</c>, <c>--batch-size</c>,
/// <c>--weight-decay</c>, <c>--schedule</c>, <c>--warmup-epochs</c>, <c>--lars-trust</c>, <c>--lars-clip</c>); each one
/// left out keeps the method's recipe (<c>--lars-clip</c> is a switch: it turns clipping on, never off).
/// </summary>
public sealed record RecipeOverrides(
    double? LearningRate = null, OptimizerKind? Optimizer = null, int? BatchSize = null, double? WeightDecay = null,
    LrScheduleKind? Schedule = null, int? WarmupEpochs = null, double? LarsTrust = null, bool LarsClip = false)
{
    /// <summary><paramref name="recipe"/> with these overrides (a learning rate given is used as is, not scaled with the batch).</summary>
    public TrainingRecipe ApplyTo(TrainingRecipe recipe) => TrainingPlan.Override(
        recipe with
        {
            Schedule = Schedule ?? recipe.Schedule,
            WarmupEpochs = WarmupEpochs ?? recipe.WarmupEpochs,
            LarsTrust = LarsTrust ?? recipe.LarsTrust,
            LarsClip = LarsClip || recipe.LarsClip,
        },
        LearningRate, Optimizer, BatchSize, WeightDecay);

    /// <summary>What is wrong with the options, naming the option; null when they are valid.</summary>
    public string? Problem =>
        LearningRate <= 0 ? "--lr must be positive."
        : BatchSize < 2 ? "--batch-size must be at least 2."
        : WeightDecay < 0 ? "--weight-decay must be 0 or more."
        : WarmupEpochs < 0 ? "--warmup-epochs must be 0 or more."
        : LarsTrust <= 0 ? "--lars-trust must be positive."
        : null;
}
