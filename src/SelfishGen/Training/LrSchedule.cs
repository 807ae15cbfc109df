namespace SelfishGen;

/// <summary>A learning-rate schedule: the factor applied to the base learning rate at each optimizer step.</summary>
public abstract record LrSchedule
{
    /// <summary>The factor at zero-based <paramref name="step"/> of a run of <paramref name="totalSteps"/> steps.</summary>
    public abstract double Factor(long step, long totalSteps);

    /// <summary>A constant learning rate (the original's default).</summary>
    public static LrSchedule Constant { get; } = new ConstantSchedule();

    /// <summary>Multiplies the rate by <paramref name="gamma"/> every <paramref name="stepSize"/> steps.</summary>
    public static LrSchedule Step(int stepSize, double gamma) => new StepSchedule(stepSize, gamma);

    /// <summary>
    /// Linear warm-up over <paramref name="warmupSteps"/> steps (at most <paramref name="maxWarmupShare"/> of the run),
    /// then a cosine decay to zero.
    /// </summary>
    public static LrSchedule Cosine(int warmupSteps = 0, double maxWarmupShare = 1) => new CosineSchedule(new LinearWarmup(warmupSteps, maxWarmupShare));

    /// <summary>Linear warm-up over <paramref name="warmupSteps"/> steps (at most <paramref name="maxWarmupShare"/> of the run), then a constant rate.</summary>
    public static LrSchedule Warmup(int warmupSteps, double maxWarmupShare = 1) => new WarmupSchedule(new LinearWarmup(warmupSteps, maxWarmupShare));

    private sealed record ConstantSchedule : LrSchedule
    {
        public override double Factor(long step, long totalSteps) => 1.0;
        public override string ToString() => "constant";
    }

    private sealed record StepSchedule(int StepSize, double Gamma) : LrSchedule
    {
        public override double Factor(long step, long totalSteps) => Math.Pow(Gamma, step / Math.Max(1, StepSize));
        public override string ToString() => $"step({StepSize}, {Gamma})";
    }

    private sealed record CosineSchedule(LinearWarmup Ramp) : LrSchedule
    {
        public override double Factor(long step, long totalSteps)
        {
            if (Ramp.Factor(step, totalSteps) is { } warming)
                return warming;
            var warmupSteps = Ramp.Steps(totalSteps);
            var decaySteps = Math.Max(1, totalSteps - warmupSteps);
            return 0.5 * (1 + Math.Cos(Math.PI * Math.Min(1.0, (step - warmupSteps) / (double)decaySteps)));
        }

        public override string ToString() => $"cosine({Ramp})";
    }

    private sealed record WarmupSchedule(LinearWarmup Ramp) : LrSchedule
    {
        public override double Factor(long step, long totalSteps) => Ramp.Factor(step, totalSteps) ?? 1.0;

        public override string ToString() => $"constant({Ramp})";
    }

    // A linear warm-up over StepCount steps, or over MaxShare of the run when that is fewer.
    private sealed record LinearWarmup(int StepCount, double MaxShare)
    {
        public long Steps(long totalSteps) => Math.Min(StepCount, (long)(MaxShare * totalSteps));

        // The factor at step while warming up; null after.
        public double? Factor(long step, long totalSteps)
        {
            var steps = Steps(totalSteps);
            return step < steps ? (step + 1.0) / steps : null;
        }

        public override string ToString() => MaxShare < 1
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"warmup {StepCount}, at most {MaxShare:P0}")
            : $"warmup {StepCount}";
    }
}
