using SelfishGen.Cli;
using SelfishGen.Evaluation;
using SelfishGen.Tests.Data;

namespace SelfishGen.Tests.Cli;

/// <summary><c>selfish train --monitor-every</c>: readings in the log, the run's JSON and its plot.</summary>
public sealed class TrainMonitorCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly CapturedConsole _console = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_monitor_logs_each_reading_and_writes_them_with_the_losses_to_the_run_json_and_plot()
    {
        var data = TestImages.SaveRedAndGray(_folder);
        var store = Path.Combine(_folder.Path, "store", "run");

        Assert.Equal(0, SelfishApp.Run(["train", "--data", data, "--image-size", "16", "--epochs", "3", "--batch-size", "8",
            "--store", store, "--set", "Hidden=16", "--monitor-every", "2", "--no-eval"]));

        var run = TrainingRun.Load(store + ".train.json");
        Assert.Equal(6, run.StepLosses.Count); // 16 training images, 2 steps per epoch
        var monitor = Assert.IsType<MonitorLog>(run.Monitor);
        Assert.Equal([0L, 2, 4, 6], monitor.Points.Select(p => p.Step));
        Assert.Equal((16, 4, KnnMonitor.DefaultK), (monitor.BankImages, monitor.QueryImages, monitor.K));
        Assert.InRange(monitor.ShareOfRun, 1e-9, 1);
        Assert.True(new FileInfo(store + ".train.png").Length > 1000);
        var text = _console.Text;
        Assert.Contains("step 4: kNN accuracy", text);
        Assert.Contains("kNN monitor: 4 readings took", text);
        Assert.DoesNotContain("random init", text); // --no-eval
    }

    [Fact]
    public void Monitor_k_sets_the_neighbours_that_vote_and_is_recorded_with_the_readings()
    {
        var data = TestImages.SaveRedAndGray(_folder);
        var store = Path.Combine(_folder.Path, "store", "run");

        Assert.Equal(0, SelfishApp.Run(["train", "--data", data, "--image-size", "16", "--epochs", "1", "--batch-size", "8",
            "--store", store, "--set", "Hidden=16", "--monitor-every", "2", "--monitor-k", "3", "--no-eval"]));

        Assert.Equal(3, Assert.IsType<MonitorLog>(TrainingRun.Load(store + ".train.json").Monitor).K);
        Assert.Contains("k=3,", _console.Text);
    }

    [Fact]
    public void Monitor_k_below_1_is_refused_before_training()
    {
        Assert.Equal(SelfishApp.InvalidArguments, SelfishApp.Run(["train", "--data", TestImages.SaveRedAndGray(_folder),
            "--monitor-every", "1", "--monitor-k", "0", "--store", Path.Combine(_folder.Path, "run")]));
        Assert.Contains("--monitor-k must be at least 1", _console.Text);
        Assert.DoesNotContain("Train with", _console.Text);
    }

    [Fact]
    public void The_monitor_on_unlabelled_images_is_refused_before_training()
    {
        for (var i = 0; i < 4; i++)
            TestImages.Save(_folder.File("flat", $"{i}.png"), TestImages.Red, 16, 16);

        Assert.Equal(SelfishApp.InvalidArguments, SelfishApp.Run(["train", "--data", Path.Combine(_folder.Path, "flat"),
            "--monitor-every", "1", "--store", Path.Combine(_folder.Path, "run")]));
        Assert.Contains("--monitor-every needs", _console.Text);
        Assert.DoesNotContain("Train with", _console.Text);
    }
}
