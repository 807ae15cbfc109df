namespace SelfishGen.Cli.Benchmarks;

/// <summary>
/// Our step in mixed precision, measured in the same rounds as our float32 step from the same initial weights and
/// inputs (a second copy of the method).
/// </summary>
/// <param name="Precision">The precision, e.g. BFloat16.</param>
/// <param name="Seconds">Median wall-clock seconds per step.</param>
/// <param name="CpuSeconds">Median process CPU seconds per step.</param>
/// <param name="Losses">The loss at every step of the first round, warm-up included.</param>
/// <param name="Rounds">Median per round, in wall-clock seconds.</param>
public sealed record MixedPrecisionTiming(string Precision, double Seconds, double CpuSeconds, IReadOnlyList<double> Losses, IReadOnlyList<double> Rounds)
{
    /// <summary>
    /// The largest difference between these losses and <paramref name="float32Losses"/> at the same step, relative to
    /// max(1, |float32 loss|).
    /// </summary>
    public double LossDeviation(IReadOnlyList<double> float32Losses) =>
        Losses.Zip(float32Losses, (low, full) => Math.Abs(low - full) / Math.Max(1, Math.Abs(full))).DefaultIfEmpty(double.NaN).Max();
}
