namespace SelfishGen.Evaluation;

/// <summary>One reading of a <see cref="KnnMonitor"/>.</summary>
/// <param name="Step">Optimizer steps done when it was taken (0: before training).</param>
/// <param name="Accuracy">kNN accuracy on the monitor's held-out images, in [0, 1].</param>
/// <param name="Seconds">Wall-clock time the reading took.</param>
/// <param name="EffectiveRank">
/// <see cref="FeatureSpectrum.EffectiveRank"/> of the bank's features: a fall towards 1 means the features collapse.
/// Null in reports written before the monitor measured it.
/// </param>
public sealed record KnnMonitorPoint(long Step, double Accuracy, double Seconds, double? EffectiveRank);
