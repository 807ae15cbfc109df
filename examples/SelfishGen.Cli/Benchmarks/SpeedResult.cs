namespace SelfishGen.Cli.Benchmarks;

/// <summary>
/// One method on one backbone: median step times of ours and of the PyTorch reference (over all measured steps of all
/// rounds), in wall-clock and in process CPU time, our augmentation cost per step (which the reference does not pay:
/// it is given the views), and the first-step losses of both from the same weights and input.
/// </summary>
/// <param name="Method">The method's label.</param>
/// <param name="Backbone">The backbone.</param>
/// <param name="Input">The image shape, e.g. 3x32x32.</param>
/// <param name="BatchSize">Images per step (before any pretext multiplies them).</param>
/// <param name="OursSeconds">Our median wall-clock seconds per step.</param>
/// <param name="ReferenceSeconds">PyTorch's median wall-clock seconds per step; null when not measured.</param>
/// <param name="OursCpuSeconds">Our median process CPU seconds per step.</param>
/// <param name="ReferenceCpuSeconds">PyTorch's median process CPU seconds per step; null when not measured.</param>
/// <param name="AugmentationSeconds">
/// Median seconds our step spends drawing its views (<see cref="StepViews"/>); null for a method without views.
/// </param>
/// <param name="HasReference">Whether the method has a PyTorch reference (<see cref="PyTorchReference.Implements"/>).</param>
/// <param name="OursLosses">Our loss at every step of the first round, warm-up included.</param>
/// <param name="ReferenceLosses">PyTorch's loss at every step of its first round; empty when not measured.</param>
/// <param name="OursRounds">Our median per round, in wall-clock seconds.</param>
/// <param name="ReferenceRounds">PyTorch's median per round, in wall-clock seconds.</param>
/// <param name="Load">The machine's load average when the measurement ended.</param>
/// <param name="Mixed">Our step in mixed precision; null when not measured.</param>
/// <param name="PretextSeconds">
/// Median seconds our step spends making its pretext inputs from its images or view (<see cref="PretextInputs"/>);
/// null for a method without a pretext task. The PyTorch reference makes them too (RotateNet's rotations), so they are
/// not subtracted.
/// </param>
/// <param name="OursPeakMemoryRise">
/// How far our resident memory rose over the first round, in bytes (<see cref="StepRecorder.PeakMemoryRise"/>); null
/// when unknown.
/// </param>
/// <param name="ReferencePeakMemoryRise">The same for PyTorch's first round; null when unknown or not measured.</param>
public sealed record SpeedResult(
    string Method,
    string Backbone,
    string Input,
    int BatchSize,
    double OursSeconds,
    double? ReferenceSeconds,
    double OursCpuSeconds,
    double? ReferenceCpuSeconds,
    double? AugmentationSeconds,
    bool HasReference,
    IReadOnlyList<double> OursLosses,
    IReadOnlyList<double> ReferenceLosses,
    IReadOnlyList<double> OursRounds,
    IReadOnlyList<double> ReferenceRounds,
    string Load,
    MixedPrecisionTiming? Mixed = null,
    double? PretextSeconds = null,
    long? OursPeakMemoryRise = null,
    long? ReferencePeakMemoryRise = null)
{
    /// <summary>Our wall-clock step time over PyTorch's: below 1 means we are faster.</summary>
    public double? Ratio => OursSeconds / ReferenceSeconds;

    /// <summary>Our CPU time per step over PyTorch's: the comparison that load on a shared machine does not blur.</summary>
    public double? CpuRatio => OursCpuSeconds / ReferenceCpuSeconds;

    /// <summary>
    /// Our step time without the augmentation over PyTorch's (which is given the views): the same work on both sides.
    /// Null for a method without views, or without a reference time.
    /// </summary>
    public double? RatioWithoutAugmentation => (OursSeconds - AugmentationSeconds) / ReferenceSeconds;

    /// <summary>
    /// Our step time over the time of making its inputs alone (views, pretext, or a pretext task's view and then its
    /// inputs): how far the step outweighs its input pipeline, which should keep at least 3 times ahead. Null when
    /// neither was measured.
    /// </summary>
    public double? InputHeadroom => AugmentationSeconds is null && PretextSeconds is null
        ? null
        : OursSeconds / ((AugmentationSeconds ?? 0) + (PretextSeconds ?? 0));

    /// <summary>Our loss at the first step.</summary>
    public double OursFirstLoss => OursLosses[0];

    /// <summary>PyTorch's loss at the first step; null when not measured.</summary>
    public double? ReferenceFirstLoss => ReferenceLosses.Count > 0 ? ReferenceLosses[0] : null;

    /// <summary>Absolute difference of the first-step losses.</summary>
    public double? LossDifference => ReferenceFirstLoss is { } reference ? Math.Abs(OursFirstLoss - reference) : null;

    /// <summary>Our mixed-precision step time over our float32 one; null when not measured.</summary>
    public double? MixedRatio => Mixed?.Seconds / OursSeconds;

    /// <summary>Our mixed-precision CPU time per step over our float32 one; null when not measured.</summary>
    public double? MixedCpuRatio => Mixed?.CpuSeconds / OursCpuSeconds;

    /// <summary>Our mixed-precision step time over PyTorch's float32 one; null when either was not measured.</summary>
    public double? MixedReferenceRatio => Mixed?.Seconds / ReferenceSeconds;

    /// <summary>The largest relative loss difference between our mixed-precision and float32 runs (see <see cref="MixedPrecisionTiming.LossDeviation"/>).</summary>
    public double? MixedLossDeviation => Mixed?.LossDeviation(OursLosses);

    /// <summary>One line for the console: the case and its ratios.</summary>
    public string Summary() => FormattableString.Invariant(
        $"{Method} on {Backbone} {Input}, batch {BatchSize}: ours {1000 * OursSeconds:F0} ms/step (CPU {1000 * OursCpuSeconds:F0})")
        + (ReferenceSeconds is { } reference
            ? FormattableString.Invariant($", PyTorch {1000 * reference:F0} (CPU {1000 * ReferenceCpuSeconds:F0}); ours/PyTorch {Ratio:F2} wall, {CpuRatio:F2} CPU")
            : ", no reference")
        + (OursPeakMemoryRise is { } rise
            ? FormattableString.Invariant($"; peak memory rise ours {rise / Megabyte:F0} MB")
                + (ReferencePeakMemoryRise is { } referenceRise ? FormattableString.Invariant($", PyTorch {referenceRise / Megabyte:F0} MB") : "")
            : "")
        + (Mixed is { } mixed
            ? FormattableString.Invariant($"; {mixed.Precision} {1000 * mixed.Seconds:F0} ms/step (CPU {1000 * mixed.CpuSeconds:F0}), {mixed.Precision}/float32 {MixedRatio:F2} wall, {MixedCpuRatio:F2} CPU")
            : "")
        + $"; load {Load}";

    /// <summary>Bytes in a megabyte (2^20), the unit memory is reported in.</summary>
    public const double Megabyte = 1 << 20;
}
