using System.Diagnostics;
using SelfishGen.Evaluation;

namespace SelfishGen.Cli.Benchmarks;

/// <summary>
/// Stops training after the step at which the time spent training reaches <paramref name="limit"/>; readings of the
/// kNN <paramref name="monitor"/> do not count.
/// </summary>
public sealed class TrainingBudget(TimeSpan limit, CancellationTokenSource stop, KnnMonitor? monitor) : ITrainingObserver
{
    private readonly Stopwatch _clock = new();

    /// <inheritdoc />
    public void OnStart(string method, long firstStep, long totalSteps, int stepsPerEpoch) => _clock.Restart();

    /// <inheritdoc />
    public void OnStep(long step, int epoch, float loss, int images, double learningRate)
    {
        if (_clock.Elapsed - (monitor?.Elapsed ?? TimeSpan.Zero) >= limit)
            stop.Cancel();
    }
}
