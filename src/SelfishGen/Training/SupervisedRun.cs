using System.Diagnostics;

namespace SelfishGen;

/// <summary>
/// What one call to <see cref="SelfSupervisedMethod.Supervise"/> keeps track of besides the method's state: where and
/// when checkpoints are written, whether a step is half done (its effects must not be saved), and the steps skipped.
/// </summary>
internal sealed class SupervisedRun(string name, TrainingSettings settings, CheckpointInterval interval, NonFiniteSteps nonFinite, bool resumed)
{
    private readonly Stopwatch _sinceCheckpoint = Stopwatch.StartNew();
    private long _stepsSinceCheckpoint;

    /// <summary>The checkpoint name.</summary>
    public string Name { get; } = name;

    /// <summary>The checkpoint file.</summary>
    public string Path { get; } = CheckpointFile.PathOf(name);

    /// <summary>The settings saved with each checkpoint.</summary>
    public TrainingSettings Settings { get; } = settings;

    /// <summary>What a non-finite step does.</summary>
    public NonFiniteSteps NonFinite { get; } = nonFinite;

    /// <summary>
    /// Whether a step has started and not finished: its effects (weights, optimizer, state tensors) are partly applied,
    /// so the method must not be saved until the next step boundary.
    /// </summary>
    public bool StepInProgress { get; private set; }

    /// <summary>Whether a checkpoint is being written (a failure there is not retried on the way out).</summary>
    public bool Writing { get; set; }

    /// <summary>The step count of the newest checkpoint of this run at <see cref="Path"/>, or null when there is none yet.</summary>
    public long? CheckpointStep { get; private set; }

    /// <summary>
    /// Whether the next write first keeps the file at <see cref="Path"/> as the previous checkpoint: true for a fresh run
    /// until it writes, as the file there belongs to another run.
    /// </summary>
    public bool KeepsPrevious { get; private set; } = !resumed;

    /// <summary>Steps skipped for a non-finite loss or gradient.</summary>
    public List<long> Skipped { get; } = [];

    /// <summary>Whether a periodic checkpoint is due.</summary>
    public bool CheckpointDue => _stepsSinceCheckpoint > 0 && interval.IsDue(_stepsSinceCheckpoint, _sinceCheckpoint.Elapsed);

    /// <summary>Whether the method changed since the last checkpoint (or since it was loaded).</summary>
    public bool HasUnsavedSteps => _stepsSinceCheckpoint > 0;

    /// <summary>Marks the start of a step.</summary>
    public void BeginStep() => StepInProgress = true;

    /// <summary>Marks the end of a step, once the method's state is advanced past it.</summary>
    public void EndStep()
    {
        StepInProgress = false;
        _stepsSinceCheckpoint++;
    }

    /// <summary>Notes a checkpoint written after <paramref name="step"/> steps.</summary>
    public void Checkpointed(long step)
    {
        CheckpointStep = step;
        KeepsPrevious = false;
        _stepsSinceCheckpoint = 0;
        _sinceCheckpoint.Restart();
    }

    /// <summary>Notes the checkpoint a resumed run started from.</summary>
    public void ResumedFrom(long step) => CheckpointStep = step;

    /// <summary>What happens to the checkpoint when training stops at a non-finite value: for error messages.</summary>
    public string CheckpointKept => CheckpointStep is { } step
        ? $"the checkpoint of step {step} at '{Path}' is kept"
        : $"nothing was saved (no checkpoint was written before this step{(KeepsPrevious && File.Exists(Path) ? $"; '{Path}' is another run's and is left as it was" : "")})";
}
