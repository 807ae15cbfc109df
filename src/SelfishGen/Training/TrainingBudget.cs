namespace SelfishGen;

/// <summary>
/// A wall-clock limit on a call to <see cref="SelfSupervisedMethod.Supervise"/>. Schedules that follow progress (the
/// learning rate's warm-up and cosine, cosine momentum, DINO's teacher temperature and weight decay) need the run's
/// length in steps: the budget estimates it after every step from the time left and the pace of the steps so far (the
/// first step, which is slower, left out), so the schedules run to their end when the time does, also when the
/// machine slows down or speeds up mid-run. Training stops at the estimated step, or when the time is up, whichever
/// comes first.
/// </summary>
/// <param name="limit">The training time allowed.</param>
/// <param name="excluded">Time spent inside the run that does not count (e.g. monitor readings); none when null.</param>
/// <param name="time">The clock; the system's when null.</param>
public sealed class TrainingBudget(TimeSpan limit, Func<TimeSpan>? excluded = null, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private long _started;
    private TimeSpan _firstStep;
    private long _stepsDone;

    /// <summary>An epoch count to pass with a budget when the time alone should end the run.</summary>
    public const int UnboundedEpochs = 100_000;

    /// <summary>The training time allowed.</summary>
    public TimeSpan Limit { get; } = limit > TimeSpan.Zero ? limit : throw new ArgumentOutOfRangeException(nameof(limit), limit, "A budget must be positive.");

    /// <summary>The run's length in steps as last estimated (counted from the step the run started at); null before its first step.</summary>
    public long? EstimatedSteps { get; private set; }

    /// <summary>Training time spent so far (excluded time left out).</summary>
    public TimeSpan Elapsed => _time.GetElapsedTime(_started) - (excluded?.Invoke() ?? TimeSpan.Zero);

    /// <summary>Whether the time is up.</summary>
    public bool Exhausted => Elapsed >= Limit;

    /// <summary>Starts the clock of a run.</summary>
    internal void Start()
    {
        (_started, _firstStep, _stepsDone, EstimatedSteps) = (_time.GetTimestamp(), TimeSpan.Zero, 0, null);
    }

    /// <summary>
    /// Counts a finished step and returns the run's estimated length in steps (from the step it started at), at most
    /// <paramref name="most"/>.
    /// </summary>
    internal long StepDone(long most)
    {
        _stepsDone++;
        var elapsed = Elapsed;
        if (_stepsDone == 1)
            _firstStep = elapsed;
        EstimatedSteps = Math.Min(most, Estimate(elapsed));
        return EstimatedSteps.Value;
    }

    /// <summary>The run's length before any step is timed: one epoch, at most <paramref name="most"/>.</summary>
    internal static long Provisional(int stepsPerEpoch, long most) => Math.Min(stepsPerEpoch, most);

    // The steps done plus those the remaining time allows at the pace of the steps after the first (or of the first alone).
    private long Estimate(TimeSpan elapsed)
    {
        var (timed, steps) = _stepsDone > 1 ? (elapsed - _firstStep, _stepsDone - 1) : (elapsed, 1L);
        var perStep = Math.Max(timed.TotalSeconds / steps, 1e-9);
        var remaining = Math.Max(0, (Limit - elapsed).TotalSeconds);
        return _stepsDone + (long)(remaining / perStep);
    }
}
