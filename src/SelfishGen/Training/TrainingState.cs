namespace SelfishGen;

/// <summary>Where a run stands: saved in every checkpoint so that training resumes exactly there.</summary>
/// <param name="Epoch">The epoch the next step belongs to.</param>
/// <param name="StepInEpoch">Batches of that epoch already trained.</param>
/// <param name="Step">Optimizer steps taken since the start.</param>
/// <param name="Seed">The run's seed (data order and augmentations derive from it).</param>
public sealed record TrainingState(int Epoch, int StepInEpoch, long Step, int Seed)
{
    /// <summary>The state of a run that has not started.</summary>
    public static TrainingState Start(int seed) => new(0, 0, 0, seed);
}
