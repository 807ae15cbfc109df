using SelfishGen.Cli;
using SelfishGen.Cli.Benchmarks;
using SelfishGen.Data;
using SelfishGen.Evaluation;
using SelfishGen.Modules;
using SelfishGen.Tests.Data;

namespace SelfishGen.Tests.Benchmarks;

/// <summary>
/// <c>bench quality --resume</c>: a method stopped mid-run (Ctrl+C, a session's end) continues in a new process from its
/// checkpoint and reports the same run as one that was never stopped.
/// </summary>
public sealed class QualityResumeTests
{
    private readonly MethodSpec _spec = MethodSpec.Parse("RotateNet");
    private readonly LabelledSplits _data = SmallSample();

    [Fact]
    public void A_stopped_method_resumes_and_reports_the_same_losses_readings_and_accuracies_as_an_unstopped_run()
    {
        using var folder = new TempFolder();
        QualityRun Run(string store, bool resume) => new(BackboneKind.ConvNet, new RecipeOverrides(BatchSize: 64), Epochs: 2, Budget: null,
            Seed: 0, Store: Path.Combine(folder.Path, store), MonitorEvery: 4, Resume: resume);

        var whole = Train(Run("whole", resume: false)).Result;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using (var stop = new CancellationTokenSource())
        {
            Assert.ThrowsAny<OperationCanceledException>(() =>
                Train(Run("stopped", resume: false), new StopAfter(4, stop), stop.Token));
        }
        var stoppedCpu = QualityJournal.Read(Path.Combine(folder.Path, "stopped", _spec.Label)).CpuSeconds!.Value;
        var resumed = Train(Run("stopped", resume: true)).Result;
        var wall = clock.Elapsed.TotalSeconds;

        AssertSameRunOf16Steps(whole, resumed);
        // the two processes' training and monitor time: both spent, and together no more than they took
        var journal = QualityJournal.Read(Path.Combine(folder.Path, "stopped", _spec.Label));
        Assert.True(journal.TrainingSeconds > 0 && journal.MonitorSeconds > 0, $"{journal.TrainingSeconds} s training, {journal.MonitorSeconds} s monitor");
        Assert.InRange(journal.TrainingSeconds + journal.MonitorSeconds, 0, wall);
        // CPU time: both processes' steps counted, at most what all cores could give in the time
        Assert.Equal(journal.CpuSeconds, resumed.CpuSeconds);
        Assert.InRange(resumed.CpuSeconds!.Value, 0.001, Environment.ProcessorCount * wall);
        Assert.True(resumed.CpuSeconds > stoppedCpu, $"{resumed.CpuSeconds} s of CPU for the whole run, {stoppedCpu} s before the stop");
        // the stopped process's reading at step 4 is taken again on resuming: the report counts only the one it keeps
        Assert.Equal(resumed.Monitor!.Points.Sum(p => p.Seconds), resumed.Monitor.Seconds, 9);
    }

    [Fact]
    public void A_finished_method_given_more_epochs_resumes_only_when_changes_are_allowed_and_then_reports_the_longer_run()
    {
        using var folder = new TempFolder();
        // a constant rate without warm-up: the schedule of the first epoch does not depend on the run's length
        var constant = new RecipeOverrides(BatchSize: 64, Schedule: LrScheduleKind.Constant, WarmupEpochs: 0);
        QualityRun Run(string store, int epochs, bool resume = false, bool allowChanges = false) => new(BackboneKind.ConvNet, constant, epochs,
            Budget: null, Seed: 0, Store: Path.Combine(folder.Path, store), MonitorEvery: 4, Resume: resume, AllowChanges: allowChanges);
        var longer = Train(Run("longer", epochs: 2)).Result;
        Train(Run("extended", epochs: 1));
        var refused = Assert.Throws<InvalidDataException>(() => Train(Run("extended", epochs: 2, resume: true)));
        Assert.Contains("epochs 1 → 2", refused.Message);
        var extended = Train(Run("extended", epochs: 2, resume: true, allowChanges: true)).Result;

        AssertSameRunOf16Steps(longer, extended);
    }

    // RotateNet trained and evaluated on the small sample, with fresh baseline rows.
    private QualityRun.Outcome Train(QualityRun run, ITrainingObserver? progress = null, CancellationToken cancellation = default) =>
        run.Run(_spec, _data, _data.Train, _data.Test, progress ?? new NoProgress(), cancellation, new BaselineRowCache());

    private static void AssertSameRunOf16Steps(QualityResult expected, QualityResult actual)
    {
        Assert.Equal(16, expected.Steps);
        Assert.Equal(expected.Steps, actual.Steps);
        Assert.Equal(expected.StepLosses, actual.StepLosses);
        Assert.Equal(expected.Epochs, actual.Epochs);
        Assert.Equal(expected.Monitor!.Points.Select(p => (p.Step, p.Accuracy)), actual.Monitor!.Points.Select(p => (p.Step, p.Accuracy)));
        Assert.Equal(expected.Evaluation.Rows, actual.Evaluation.Rows);
    }

    private static LabelledSplits SmallSample()
    {
        var sample = LabelledSplits.Open(Datasets.SampleName, null, null, seed: 0);
        return sample with { Train = LabelledSplits.Limit(sample.Train, 512, 0), Test = LabelledSplits.Limit(sample.Test, 100, 0) };
    }

    private sealed class NoProgress : ITrainingObserver;

    private sealed class StopAfter(int steps, CancellationTokenSource stop) : ITrainingObserver
    {
        public void OnStep(long step, int epoch, float loss, int images, double learningRate)
        {
            if (step + 1 == steps)
                stop.Cancel();
        }
    }
}
