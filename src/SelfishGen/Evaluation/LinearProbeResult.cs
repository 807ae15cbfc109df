namespace SelfishGen.Evaluation;

/// <summary>What a <see cref="LinearProbe"/> learned.</summary>
/// <param name="Test">The trained classifier on the test features.</param>
/// <param name="TrainAccuracy">Its accuracy on the training features.</param>
/// <param name="EpochLosses">
/// Mean cross-entropy of every training epoch (mini-batch Adam), or the objective (with any L2 penalty) after every
/// L-BFGS iteration (full batch), in order.
/// </param>
public sealed record LinearProbeResult(ClassificationResult Test, double TrainAccuracy, IReadOnlyList<double> EpochLosses)
{
    /// <summary>Accuracy on the test features.</summary>
    public double TestAccuracy => Test.Accuracy;
}
