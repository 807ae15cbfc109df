using System.Globalization;
using SelfishGen.Cli;
using SelfishGen.Tests.Data;

namespace SelfishGen.Tests.Cli;

/// <summary><c>selfish train --budget-minutes</c>: the time ends the run, and the schedule runs its course within it.</summary>
public sealed class TrainBudgetCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly CapturedConsole _console = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_budgeted_run_stops_when_its_time_is_up_with_its_cosine_schedule_near_the_end()
    {
        var data = TestImages.SaveRedAndGray(_folder);
        var store = Path.Combine(_folder.Path, "store", "run");
        var log = Path.Combine(_folder.Path, "steps.csv");

        Assert.Equal(0, SelfishApp.Run(["train", "--data", data, "--image-size", "16", "--batch-size", "8", "--budget-minutes", "0.25",
            "--schedule", "cosine", "--warmup-epochs", "0", "--store", store, "--set", "Hidden=16", "--log-steps", log, "--no-eval"]));

        var rates = File.ReadLines(log).Skip(1).Select(line => double.Parse(line.Split(',')[3], CultureInfo.InvariantCulture)).ToList();
        var run = TrainingRun.Load(store + ".train.json");
        Assert.Equal(rates.Count, run.StepLosses.Count);
        // Epochs are unbounded under a budget: the time ends the run, within about a step of 15 s. How many 2-step epochs fit
        // depends on the machine's load (13 steps beside a 2-thread training run and the rest of the suite), so only a
        // few steps are asked for, enough for a schedule to show.
        Assert.True(rates.Count >= 5, $"{rates.Count} steps in {run.Seconds:F1} s");
        Assert.InRange(run.Seconds, 10, 60);
        Assert.True(rates[^1] < 0.5 * rates.Max(), $"the learning rate ended at {rates[^1]} of at most {rates.Max()}: the cosine did not run its course");
    }

    [Fact]
    public void A_budgeted_run_cannot_resume()
    {
        Assert.Equal(SelfishApp.InvalidArguments, SelfishApp.Run(["train", "--data", TestImages.SaveRedAndGray(_folder), "--budget-minutes", "1", "--resume",
            "--store", Path.Combine(_folder.Path, "run")]));
        Assert.Contains("--budget-minutes cannot be resumed", _console.Text);
        Assert.DoesNotContain("Train with", _console.Text);
    }
}
