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
    [Fact]
    public void A_stopped_method_resumes_and_reports_the_same_losses_readings_and_accuracies_as_an_unstopped_run()
    {
        using var folder = new TempFolder();
        var sample = LabelledSplits.Open(Datasets.SampleName, null, null, seed: 0);
        var data = sample with { Train = LabelledSplits.Limit(sample.Train, 512, 0), Test = LabelledSplits.Limit(sample.Test, 100, 0) };
        var spec = MethodSpec.Parse("RotateNet");
        QualityRun Run(string store, bool resume) => new(BackboneKind.ConvNet, new RecipeOverrides(BatchSize: 64), Epochs: 2, Budget: null,
            Seed: 0, Store: Path.Combine(folder.Path, store), MonitorEvery: 4, Resume: resume);

        var whole = Run("whole", resume: false).Run(spec, data, data.Train, data.Test, new NoProgress(), CancellationToken.None, new BaselineRowCache()).Result;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using (var stop = new CancellationTokenSource())
        {
            Assert.ThrowsAny<OperationCanceledException>(() =>
                Run("stopped", resume: false).Run(spec, data, data.Train, data.Test, new StopAfter(4, stop), stop.Token, new BaselineRowCache()));
        }
        var stoppedCpu = QualityJournal.Read(Path.Combine(folder.Path, "stopped", spec.Label)).CpuSeconds!.Value;
        var resumed = Run("stopped", resume: true).Run(spec, data, data.Train, data.Test, new NoProgress(), CancellationToken.None, new BaselineRowCache()).Result;
        var wall = clock.Elapsed.TotalSeconds;

        Assert.Equal(16, whole.Steps);
        Assert.Equal(whole.Steps, resumed.Steps);
        Assert.Equal(whole.StepLosses, resumed.StepLosses);
        Assert.Equal(whole.Epochs, resumed.Epochs);
        Assert.Equal(whole.Monitor!.Points.Select(p => (p.Step, p.Accuracy)), resumed.Monitor!.Points.Select(p => (p.Step, p.Accuracy)));
        Assert.Equal(whole.Evaluation.Rows, resumed.Evaluation.Rows);
        // the two processes' training and monitor time: both spent, and together no more than they took
        var journal = QualityJournal.Read(Path.Combine(folder.Path, "stopped", spec.Label));
        Assert.True(journal.TrainingSeconds > 0 && journal.MonitorSeconds > 0, $"{journal.TrainingSeconds} s training, {journal.MonitorSeconds} s monitor");
        Assert.InRange(journal.TrainingSeconds + journal.MonitorSeconds, 0, wall);
        // CPU time: both processes' steps counted, at most what all cores could give in the time
        Assert.Equal(journal.CpuSeconds, resumed.CpuSeconds);
        Assert.InRange(resumed.CpuSeconds!.Value, 0.001, Environment.ProcessorCount * wall);
        Assert.True(resumed.CpuSeconds > stoppedCpu, $"{resumed.CpuSeconds} s of CPU for the whole run, {stoppedCpu} s before the stop");
        // the stopped process's reading at step 4 is taken again on resuming: the report counts only the one it keeps
        Assert.Equal(resumed.Monitor.Points.Sum(p => p.Seconds), resumed.Monitor.Seconds, 9);
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
