using Spectre.Console;
using SelfishGen.Evaluation;

namespace SelfishGen.Cli;

/// <summary>Shows training as a live progress bar with loss and images/s (or one line per epoch without a terminal).</summary>
public sealed class TrainingProgress : ITrainingObserver
{
    private readonly ProgressTask? _task;
    private readonly string? _budget;
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private long _images;
    private long _steps;
    private double _lossAverage = double.NaN;
    private string _knn = "";

    private TrainingProgress(ProgressTask? task, string? budget = null)
    {
        _task = task;
        _budget = budget;
    }

    /// <summary>
    /// Progress as one line per epoch, for runs that share the console with other output; with a
    /// <paramref name="budget"/> (e.g. "5 min"), training stops when it runs out rather than after a step count.
    /// </summary>
    public static ITrainingObserver Lines(string? budget = null) => new TrainingProgress(null, budget);

    /// <summary>
    /// Runs <paramref name="train"/> with a progress display; returns what it returns. With a <paramref name="monitor"/>,
    /// its readings are shown in the progress line and logged, and the monitor observes training too.
    /// </summary>
    public static TrainingReport Run(
        SelfSupervisedMethod method, Func<ITrainingObserver, CancellationToken, TrainingReport> train, CancellationToken cancellation, KnnMonitor? monitor = null)
    {
        TrainingReport Observed(TrainingProgress progress)
        {
            if (monitor is null)
                return train(progress, cancellation);
            monitor.Measured += progress.OnMonitorReading;
            try
            {
                return train(TrainingObservers.Combine(progress, monitor), cancellation);
            }
            finally
            {
                monitor.Measured -= progress.OnMonitorReading;
            }
        }

        if (!AnsiConsole.Profile.Capabilities.Interactive)
            return Observed(new TrainingProgress(null));
        return AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context => Observed(new TrainingProgress(context.AddTask(method.GetName()))));
    }

    /// <inheritdoc />
    public void OnStart(string method, long firstStep, long totalSteps, int stepsPerEpoch)
    {
        _steps = firstStep;
        if (_task is null)
        {
            AnsiConsole.MarkupLine(_budget is null
                ? $"{totalSteps - firstStep} steps to go ({stepsPerEpoch} per epoch)."
                : $"Training for {_budget} ({stepsPerEpoch} steps per epoch).");
            return;
        }
        _task.MaxValue = totalSteps;
        _task.Value = firstStep;
    }

    /// <inheritdoc />
    public void OnStep(long step, int epoch, float loss, int images, double learningRate)
    {
        _images += images;
        _steps = step + 1;
        _lossAverage = double.IsNaN(_lossAverage) ? loss : 0.95 * _lossAverage + 0.05 * loss;
        if (_task is null)
            return;
        _task.Value = step + 1;
        _task.Description = $"epoch {epoch + 1}  loss {_lossAverage:F4}  {_images / _clock.Elapsed.TotalSeconds:F0} img/s{_knn}";
    }

    private void OnMonitorReading(KnnMonitorPoint point)
    {
        _knn = $"  kNN {100 * point.Accuracy:F1} %";
        AnsiConsole.MarkupLine($"step {point.Step}: kNN accuracy {100 * point.Accuracy:F1} %, effective rank {point.EffectiveRank:F1} ({point.Seconds:F1} s)");
    }

    /// <inheritdoc />
    public void OnStepSkipped(long step, int epoch)
    {
        _steps = step + 1;
        AnsiConsole.MarkupLine($"[yellow]Skipped step {step}[/]: its loss or a gradient is not finite.");
    }

    /// <inheritdoc />
    public void OnCheckpoint(string path) =>
        AnsiConsole.MarkupLine($"Saved after {_steps} steps at [blue]{Markup.Escape(path)}[/] (continue with --resume).");

    /// <inheritdoc />
    public void OnEpochEnd(int epoch, double meanLoss)
    {
        if (_task is null)
            AnsiConsole.MarkupLine($"epoch {epoch + 1}: loss {meanLoss:F4}, {_images / _clock.Elapsed.TotalSeconds:F0} img/s");
    }
}
