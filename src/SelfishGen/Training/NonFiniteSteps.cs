namespace SelfishGen;

/// <summary>What <see cref="SelfSupervisedMethod.Supervise"/> does with a step whose loss or gradient is NaN or infinite.</summary>
public enum NonFiniteSteps
{
    /// <summary>
    /// Stop with a <see cref="TrainingDivergedException"/> that names the step; the last checkpoint (written before the
    /// step) is kept, nothing of the failed step is saved.
    /// </summary>
    Stop,

    /// <summary>
    /// Undo the step (the method's buffers as before it, no optimizer update) and go on with the next batch; skipped
    /// steps are counted in <see cref="TrainingReport.SkippedSteps"/> and passed to
    /// <see cref="ITrainingObserver.OnStepSkipped"/>. Costs a copy of the method's buffers before every step.
    /// </summary>
    Skip,
}
