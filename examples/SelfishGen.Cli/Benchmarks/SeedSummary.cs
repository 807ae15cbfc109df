namespace SelfishGen.Cli.Benchmarks;

/// <summary>
/// A method run with several seeds in one quality report (<c>bench quality --seeds</c>, or <c>bench merge</c> of
/// runs with <c>--seed</c>): the mean and spread of its accuracies, and of its gains, each run's against its own
/// seed's random init.
/// </summary>
/// <param name="Method">The method's label without the seed.</param>
/// <param name="Seeds">The seeds of its runs, in the report's order.</param>
/// <param name="Knn200">kNN@200 accuracy of the pre-trained encoders.</param>
/// <param name="Linear">Linear-probe accuracy; null when a run has none.</param>
/// <param name="Knn200Gain">kNN@200 over each run's random init.</param>
/// <param name="LinearGain">Linear accuracy over each run's random init; null when a run has none.</param>
public sealed record SeedSummary(string Method, IReadOnlyList<int> Seeds, Spread Knn200, Spread? Linear, Spread Knn200Gain, Spread? LinearGain)
{
    /// <summary>The methods of <paramref name="results"/> that ran with more than one seed, in the order they first appear.</summary>
    public static IReadOnlyList<SeedSummary> Of(IEnumerable<QualityResult> results) =>
        [.. results.GroupBy(r => r.Method).Where(runs => runs.Count() > 1).Select(runs => new SeedSummary(
            runs.Key,
            [.. runs.Select(r => r.Seed ?? 0)],
            Spread.Of(runs.Select(r => r.Trained.Knn200)),
            Spread.OfAll(runs.Select(r => r.Trained.Linear)),
            Spread.Of(runs.Select(r => r.Trained.Knn200 - r.RandomInit.Knn200)),
            Spread.OfAll(runs.Select(r => r.Trained.Linear - r.RandomInit.Linear))))];
}
