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

    /// <summary>Linear warm-up over <paramref name="warmupSteps"/> steps, then a cosine decay to zero.</summary>
    public static LrSchedule Cosine(int warmupSteps = 0) => new CosineSchedule(warmupSteps);

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

    private sealed record CosineSchedule(int WarmupSteps) : LrSchedule
    {
        public override double Factor(long step, long totalSteps)
        {
            if (step < WarmupSteps)
                return (step + 1.0) / WarmupSteps;
            var decaySteps = Math.Max(1, totalSteps - WarmupSteps);
            return 0.5 * (1 + Math.Cos(Math.PI * Math.Min(1.0, (step - WarmupSteps) / (double)decaySteps)));
        }

        public override string ToString() => $"cosine(warmup {WarmupSteps})";
    }
}
