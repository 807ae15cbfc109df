namespace SelfishGen.Tests.Pretext;

/// <summary>Short training runs of methods, with checkpoints in a temporary folder.</summary>
internal sealed class TrainingRun : IDisposable
{
    private readonly string _store = Directory.CreateTempSubdirectory("selfish-pretext-").FullName;

    /// <summary>Trains <paramref name="method"/> with Adam and returns the report.</summary>
    public TrainingReport Train(SelfSupervisedMethod method, int epochs, int batchSize, double lr = 3e-3, string name = "run",
        bool pretrained = false, ITrainingObserver? observer = null, CancellationToken cancellation = default) =>
        method.Supervise(lr: lr, epochs: epochs, batchSize: batchSize, name: Path.Combine(_store, name),
            pretrained: pretrained, observer: observer, cancellation: cancellation, recipe: TrainingRecipe.Default);

    /// <summary>Asserts that the mean of the last three step losses is below <paramref name="fraction"/> of the first three's.</summary>
    public static void AssertFalls(IReadOnlyList<float> losses, double fraction)
    {
        var (first, last) = (losses.Take(3).Average(), losses.TakeLast(3).Average());
        Assert.True(last < fraction * first, $"loss went from {first:F4} to {last:F4}: {string.Join(", ", losses.Select(l => l.ToString("F3")))}");
    }

    public void Dispose() => Directory.Delete(_store, recursive: true);
}
