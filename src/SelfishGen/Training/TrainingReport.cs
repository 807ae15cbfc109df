namespace SelfishGen;

/// <summary>What a call to <see cref="SelfSupervisedMethod.Supervise"/> did.</summary>
/// <param name="StepLosses">The loss of every step this call ran, in order.</param>
/// <param name="EpochLosses">The mean loss of every epoch this call finished.</param>
/// <param name="Images">Images trained on in this call.</param>
/// <param name="Elapsed">Wall-clock time of the steps.</param>
/// <param name="Checkpoint">Path of the checkpoint.</param>
public sealed record TrainingReport(
    IReadOnlyList<float> StepLosses,
    IReadOnlyList<double> EpochLosses,
    long Images,
    TimeSpan Elapsed,
    string Checkpoint)
{
    /// <summary>The steps skipped for a non-finite loss or gradient (with <see cref="NonFiniteSteps.Skip"/>); their losses are not in <see cref="StepLosses"/>.</summary>
    public IReadOnlyList<long> SkippedSteps { get; init; } = [];

    /// <summary>Training throughput.</summary>
    public double ImagesPerSecond => Elapsed.TotalSeconds > 0 ? Images / Elapsed.TotalSeconds : 0;
}
