namespace SelfishGen;

/// <summary>
/// What a call to <see cref="SelfSupervisedMethod.Supervise"/> trains with: the method's recipe with the caller's
/// overrides applied, and the run's length.
/// </summary>
/// <param name="Recipe">The recipe after overrides (its <see cref="TrainingRecipe.BatchSize"/> is the run's).</param>
/// <param name="Schedule">The learning-rate schedule.</param>
/// <param name="Epochs">Total epochs of the run.</param>
/// <param name="Shuffle">Whether each epoch is shuffled.</param>
/// <param name="NumWorkers">Extra batches prepared ahead on the loader's background thread.</param>
public sealed record TrainingPlan(TrainingRecipe Recipe, LrSchedule Schedule, int Epochs, bool Shuffle, int NumWorkers)
{
    /// <summary>Images per batch.</summary>
    public int BatchSize => Recipe.BatchSize;

    /// <summary>The base learning rate (scaled with the batch size when the recipe says so).</summary>
    public double LearningRate => Recipe.LearningRateFor(Recipe.BatchSize);

    /// <summary>
    /// <paramref name="recipe"/> with every override that is given: a learning rate is used as is (not scaled), the
    /// others replace the recipe's value (a weight decay given is constant: it replaces a rising one too); a null
    /// override keeps it.
    /// </summary>
    /// <exception cref="ArgumentException">The result is not a valid recipe (e.g. a negative weight decay).</exception>
    public static TrainingRecipe Override(TrainingRecipe recipe, double? lr = null, OptimizerKind? optimizer = null, int? batchSize = null, double? weightDecay = null)
    {
        var result = recipe with
        {
            LearningRate = lr ?? recipe.LearningRate,
            ScaleWithBatch = lr is null ? recipe.ScaleWithBatch : 0,
            Optimizer = optimizer ?? recipe.Optimizer,
            BatchSize = batchSize ?? recipe.BatchSize,
            WeightDecay = weightDecay ?? recipe.WeightDecay,
            FinalWeightDecay = weightDecay is null ? recipe.FinalWeightDecay : null,
        };
        var problems = result.Validate().ToList();
        return problems.Count == 0 ? result : throw new ArgumentException(string.Join(" ", problems));
    }
}
