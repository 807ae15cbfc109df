using System.Globalization;

namespace SelfishGen;

/// <summary>
/// The settings of a call to <see cref="SelfSupervisedMethod.Supervise"/> that decide what its steps do. Saved in
/// checkpoints: a resumed run with other settings would continue somewhere else (another batch size puts the position in
/// another place in the data), so resuming compares them first.
/// </summary>
/// <param name="LearningRate">Base learning rate.</param>
/// <param name="Optimizer">The optimizer.</param>
/// <param name="Schedule">The learning-rate schedule, as text (e.g. <c>cosine(warmup 12)</c>).</param>
/// <param name="Epochs">Total epochs.</param>
/// <param name="BatchSize">Images per batch.</param>
/// <param name="Shuffle">Whether each epoch is shuffled.</param>
/// <param name="Seed">The run's seed.</param>
/// <param name="Recipe">The whole recipe after overrides, as text (weight decay, momentum, clipping, ...); null in checkpoints written before recipes.</param>
internal sealed record TrainingSettings(double LearningRate, OptimizerKind Optimizer, string Schedule, int Epochs, int BatchSize, bool Shuffle, int Seed, string? Recipe = null)
{
    /// <summary>The settings of a run of <paramref name="plan"/> seeded with <paramref name="seed"/>.</summary>
    public static TrainingSettings Of(TrainingPlan plan, int seed) => new(
        plan.LearningRate, plan.Recipe.Optimizer, plan.Schedule.ToString()!, plan.Epochs, plan.BatchSize, plan.Shuffle, seed, plan.Recipe.ToString());

    /// <summary>Each setting that differs, as <c>name: saved → now</c>; empty when they are the same.</summary>
    public IReadOnlyList<string> Differences(TrainingSettings now)
    {
        var differences = new List<string>();
        Compare("learning rate", LearningRate, now.LearningRate);
        Compare("optimizer", Optimizer, now.Optimizer);
        Compare("schedule", Schedule, now.Schedule);
        Compare("epochs", Epochs, now.Epochs);
        Compare("batch size", BatchSize, now.BatchSize);
        Compare("shuffle", Shuffle, now.Shuffle);
        Compare("seed", Seed, now.Seed);
        if (Recipe is not null)
            Compare("recipe", Recipe, now.Recipe);
        return differences;

        void Compare<T>(string name, T saved, T current)
        {
            if (!EqualityComparer<T>.Default.Equals(saved, current))
                differences.Add(string.Create(CultureInfo.InvariantCulture, $"{name} {saved} → {current}"));
        }
    }
}
