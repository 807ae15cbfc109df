namespace SelfishGen.Tests.Training;

/// <summary>
/// A budgeted run estimates its length after every step from the time left and its pace so far, so that schedules
/// that follow progress (here the learning rate's cosine) run to their end when the time does, instead of staying at
/// their start, also when the steps slow down mid-run.
/// </summary>
public sealed class TrainingBudgetTests : IDisposable
{
    private static readonly TrainingRecipe Cosine = TrainingRecipe.Default with { Schedule = LrScheduleKind.Cosine, BatchSize = 4, LearningRate = 0.1 };
    private readonly string _store = Directory.CreateTempSubdirectory("selfish-budget-").FullName;

    public void Dispose() => Directory.Delete(_store, recursive: true);

    [Fact]
    public void A_budgeted_run_estimates_its_length_from_its_pace_and_its_schedule_ends_with_the_time()
    {
        // each step takes one second of a 30-second budget
        var clock = new ManualClock();
        var rates = new StepClock(clock, TimeSpan.FromSeconds(1));
        var budget = new TrainingBudget(TimeSpan.FromSeconds(30), time: clock);

        TinyRotateNet.Create(new SyntheticShapes(16)).Supervise(
            epochs: 1000, name: Path.Combine(_store, "budget"), observer: rates, recipe: Cosine, budget: budget);

        Assert.Equal(30, budget.EstimatedSteps);
        Assert.Equal(30, rates.Rates.Count);
        Assert.True(rates.Rates[0] > 0.099, $"first rate {rates.Rates[0]}");
        Assert.True(rates.Rates[15] is > 0.04 and < 0.06, $"rate halfway {rates.Rates[15]}");
        Assert.True(rates.Rates[^1] < 0.001, $"last rate {rates.Rates[^1]}: the cosine should end with the budget");
    }

    [Fact]
    public void A_run_that_slows_down_mid_way_still_ends_its_schedule_with_the_time()
    {
        var clock = new ManualClock();
        var slowing = new StepClock(clock, TimeSpan.FromSeconds(1), slowerAfter: 11);
        var budget = new TrainingBudget(TimeSpan.FromSeconds(30), time: clock);

        TinyRotateNet.Create(new SyntheticShapes(16)).Supervise(
            epochs: 1000, name: Path.Combine(_store, "slowing"), observer: slowing, recipe: Cosine, budget: budget);

        Assert.Equal(15, slowing.Rates.Count); // 11 s, then 4 steps of 5 s reach 31 s > 30 s
        Assert.True(slowing.Rates[11] > 0.5 * slowing.Rates[0], $"rate at the slow-down {slowing.Rates[11]}: the estimate ran ahead of the pace");
        Assert.True(slowing.Rates[^1] < 0.05 * slowing.Rates[0], $"last rate {slowing.Rates[^1]}: the cosine should end with the time");
    }

    [Fact]
    public void A_budgeted_run_cannot_resume()
    {
        var method = TinyRotateNet.Create(new SyntheticShapes(16));

        var error = Assert.Throws<ArgumentException>(() => method.Supervise(
            name: Path.Combine(_store, "resume"), pretrained: true, budget: new TrainingBudget(TimeSpan.FromMinutes(1))));

        Assert.Contains("cannot resume", error.Message);
    }

    // A clock that moves only when told.
    private sealed class ManualClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }

    // Makes each step take `perStep` (five times that after `slowerAfter` steps), and records the learning rates.
    private sealed class StepClock(ManualClock clock, TimeSpan perStep, int slowerAfter = int.MaxValue) : ITrainingObserver
    {
        public List<double> Rates { get; } = [];

        public void OnStep(long step, int epoch, float loss, int images, double learningRate)
        {
            Rates.Add(learningRate);
            clock.Advance(Rates.Count > slowerAfter ? 5 * perStep : perStep);
        }
    }
}
