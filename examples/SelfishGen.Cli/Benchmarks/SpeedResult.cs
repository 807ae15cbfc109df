namespace SelfishGen.Cli.Benchmarks;

/// <summary>
/// One method on one backbone: median step times of ours and of the PyTorch reference (over all measured steps of all
/// rounds), our augmentation cost per step (which the reference does not pay: it is given the views), and the
/// first-step losses of both from the same weights and input.
/// </summary>
/// <param name="Method">The method's label.</param>
/// <param name="Backbone">The backbone.</param>
/// <param name="Input">The image shape, e.g. 3x32x32.</param>
/// <param name="BatchSize">Images per step (before any pretext multiplies them).</param>
/// <param name="OursSeconds">Our median seconds per step.</param>
/// <param name="ReferenceSeconds">PyTorch's median seconds per step; null when not measured.</param>
/// <param name="AugmentationSeconds">
/// Median seconds our step spends drawing its views (<see cref="StepViews"/>); null for a method without views.
/// </param>
/// <param name="HasReference">Whether the method has a PyTorch reference (<see cref="PyTorchReference.Implements"/>).</param>
/// <param name="OursFirstLoss">Our loss at the first step.</param>
/// <param name="ReferenceFirstLoss">PyTorch's loss at the first step; null when not measured.</param>
/// <param name="OursRounds">Our median per round, in seconds.</param>
/// <param name="ReferenceRounds">PyTorch's median per round, in seconds.</param>
public sealed record SpeedResult(
    string Method,
    string Backbone,
    string Input,
    int BatchSize,
    double OursSeconds,
    double? ReferenceSeconds,
    double? AugmentationSeconds,
    bool HasReference,
    double OursFirstLoss,
    double? ReferenceFirstLoss,
    IReadOnlyList<double> OursRounds,
    IReadOnlyList<double> ReferenceRounds)
{
    /// <summary>Our images per second.</summary>
    public double OursImagesPerSecond => BatchSize / OursSeconds;

    /// <summary>PyTorch's images per second.</summary>
    public double? ReferenceImagesPerSecond => BatchSize / ReferenceSeconds;

    /// <summary>Our step time over PyTorch's: below 1 means we are faster.</summary>
    public double? Ratio => OursSeconds / ReferenceSeconds;

    /// <summary>
    /// Our step time without the augmentation over PyTorch's (which is given the views): the same work on both sides.
    /// Null for a method without views, or without a reference time.
    /// </summary>
    public double? RatioWithoutAugmentation => (OursSeconds - AugmentationSeconds) / ReferenceSeconds;

    /// <summary>Absolute difference of the first-step losses.</summary>
    public double? LossDifference => ReferenceFirstLoss is { } reference ? Math.Abs(OursFirstLoss - reference) : null;
}
