using System.Diagnostics;
using SelfishGen.Data;
using OptimizerHelper = TorchSharp.Modules.OptimizerHelper;

using static TorchSharp.torch;

namespace SelfishGen;

public abstract partial class SelfSupervisedMethod
{
    private byte[]? _pendingOptimizerState;
    private SupervisedRun? _run;

    /// <summary>The checkpoint name <see cref="Supervise"/>, <see cref="Save"/> and <see cref="Load"/> use when given none: <c>store/&lt;method&gt;</c>.</summary>
    public string DefaultStore => CheckpointFile.DefaultName(GetName());

    /// <summary>
    /// Trains the method on <see cref="Dataset"/> and saves checkpoints to <paramref name="name"/>: every
    /// <paramref name="checkpointEvery"/>, at the end, and when training stops early between two steps (cancellation,
    /// Ctrl+C, an error in the data); the exception is then rethrown. A checkpoint holds the state between two steps only:
    /// a step that fails halfway (or a process that is killed) is not saved, and a resumed run redoes it, so resuming is
    /// exact after any stop.
    /// </summary>
    /// <param name="lr">Base learning rate.</param>
    /// <param name="optimizer">Optimizer to build.</param>
    /// <param name="epochs">Total epochs of the run (a resumed run continues up to this number).</param>
    /// <param name="batchSize">Images per batch.</param>
    /// <param name="shuffle">Shuffle the data every epoch.</param>
    /// <param name="numWorkers">Extra batches prepared ahead on the loader's background thread.</param>
    /// <param name="name">Checkpoint name: <c>store/RotateNet</c> writes <c>store/RotateNet.ckpt</c>; <see cref="DefaultStore"/> when null.
    /// A fresh run keeps a checkpoint of another run found there as <see cref="CheckpointFile.PreviousPathOf"/> when it first writes.</param>
    /// <param name="pretrained">Resume from the checkpoint <paramref name="name"/> (weights, optimizer, state, position).</param>
    /// <param name="lrScheduler">Learning-rate schedule; constant when null.</param>
    /// <param name="seed">Seed of data order and augmentations (a resumed run must give the same one, or keeps the checkpoint's when changes are allowed).</param>
    /// <param name="device">Device to train on; the method's current device when null.</param>
    /// <param name="precision">
    /// The arithmetic of the steps: float32, or mixed precision whose convolutions compute in bfloat16 (CPUs with
    /// AVX-512 BF16 or AMX, CUDA) or float16 (CUDA) while weights, batch norms, heads and losses stay float32
    /// (<see cref="Modules.Autocast"/>). A precision the device cannot run is refused with an <see cref="ArgumentException"/>.
    /// </param>
    /// <param name="checkpointEvery">How often to write a checkpoint while training; <see cref="CheckpointInterval.Default"/> when null.</param>
    /// <param name="onNonFinite">Stop (the default) or skip a step whose loss or gradient is NaN or infinite.</param>
    /// <param name="allowChanges">When resuming, accept settings, options or data that differ from the checkpoint's
    /// (otherwise an <see cref="InvalidDataException"/> names each difference). A changed optimizer starts afresh.</param>
    /// <param name="observer">Receives progress (progress bars, logs).</param>
    /// <param name="cancellation">Stops training after the current step; a checkpoint is written first.</param>
    /// <exception cref="TrainingDivergedException">A loss, gradient or weight became non-finite (with <see cref="NonFiniteSteps.Stop"/>).</exception>
    /// <exception cref="InvalidDataException">The checkpoint to resume from is unreadable, of another method, or of other settings.</exception>
    public TrainingReport Supervise(
        double lr = 1e-3,
        OptimizerKind optimizer = OptimizerKind.Adam,
        int epochs = 10,
        int batchSize = 32,
        bool shuffle = true,
        int numWorkers = 0,
        string? name = null,
        bool pretrained = false,
        LrSchedule? lrScheduler = null,
        int seed = 0,
        Device? device = null,
        Precision precision = Precision.Float32,
        CheckpointInterval? checkpointEvery = null,
        NonFiniteSteps onNonFinite = NonFiniteSteps.Stop,
        bool allowChanges = false,
        ITrainingObserver? observer = null,
        CancellationToken cancellation = default)
    {
        var dataset = Dataset ?? throw new InvalidOperationException(
            $"{GetName()} has no dataset: construct it with one, or set {nameof(Dataset)} before calling {nameof(Supervise)}.");
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lr);
        if (device is not null)
            To(device);
        PreparePrecision(precision);
        name ??= DefaultStore;
        var schedule = lrScheduler ?? LrSchedule.Constant;
        var settings = new TrainingSettings(lr, optimizer, schedule.ToString()!, epochs, batchSize, shuffle, seed);
        observer ??= NoObserver.Instance;

        State = TrainingState.Start(seed);
        var run = new SupervisedRun(name, settings, checkpointEvery ?? CheckpointInterval.Default, onNonFinite, resumed: pretrained);
        var sameOptimizer = !pretrained || ResumeCheck.Ensure(Checkpoint.ReadHeader(run.Path), this, dataset, settings, allowChanges, run.Path);
        LoadPretrained(name, pretrained);
        if (pretrained)
            run.ResumedFrom(State.Step);
        if (!sameOptimizer)
            _pendingOptimizerState = null;
        var setup = InitDataOptimizer(dataset, optimizer, lr, schedule, epochs, batchSize, shuffle, numWorkers);
        var report = new ReportBuilder();
        _run = run;
        try
        {
            Epochs(setup, report, observer, cancellation);
            SaveCheckpoint(run, setup.Optimizer, observer);
        }
        catch (Exception) when (!run.StepInProgress && !run.Writing)
        {
            SaveCheckpoint(run, setup.Optimizer, observer); // stopped between two steps: the state is consistent
            throw;
        }
        finally
        {
            _run = null;
            setup.Optimizer.Dispose();
        }
        return report.Build(run.Path) with { SkippedSteps = run.Skipped };
    }

    /// <summary>Step 1: when <paramref name="pretrained"/>, loads the checkpoint <paramref name="name"/> to resume from it.</summary>
    protected virtual void LoadPretrained(string name, bool pretrained)
    {
        if (pretrained)
            Load(name);
    }

    /// <summary>Step 2: builds the data loader, the optimizer and the schedule.</summary>
    protected virtual TrainingSetup InitDataOptimizer(
        IImageDataset dataset, OptimizerKind optimizer, double lr, LrSchedule schedule, int epochs, int batchSize, bool shuffle, int numWorkers)
    {
        var loader = new DataLoader(dataset, batchSize, shuffle, State.Seed, dropLast: true, prefetch: 1 + numWorkers);
        var built = Optimizers.Create(optimizer, parameters(), lr);
        if (_pendingOptimizerState is { } saved)
        {
            using var reader = new BinaryReader(new MemoryStream(saved));
            ReadOptimizerState(reader, built);
            _pendingOptimizerState = null;
        }
        return new TrainingSetup(loader, built, optimizer, lr, schedule, epochs);
    }

    /// <summary>Restores the state <see cref="WriteOptimizerState"/> wrote into the training optimizer (and any others).</summary>
    protected virtual void ReadOptimizerState(BinaryReader reader, OptimizerHelper optimizer) => optimizer.load_state_dict(reader);

    /// <summary>
    /// Step 3: runs the epochs from <see cref="State"/> up to <see cref="TrainingSetup.Epochs"/>, writing periodic
    /// checkpoints between steps.
    /// </summary>
    protected virtual void Epochs(TrainingSetup setup, ReportBuilder report, ITrainingObserver observer, CancellationToken cancellation)
    {
        var run = _run ?? throw new InvalidOperationException($"{nameof(Epochs)} runs only inside {nameof(Supervise)}.");
        var stepsPerEpoch = setup.Loader.BatchesPerEpoch;
        var totalSteps = (long)stepsPerEpoch * setup.Epochs;
        observer.OnStart(GetName(), State.Step, totalSteps, stepsPerEpoch);
        train();
        var clock = Stopwatch.StartNew();
        while (State.Epoch < setup.Epochs)
        {
            var epoch = State.Epoch;
            var (epochLoss, trained) = (0.0, 0);
            foreach (var batch in setup.Loader.Epoch(epoch, State.StepInEpoch))
            {
                using (batch.To(Device))
                {
                    cancellation.ThrowIfCancellationRequested();
                    var step = State.Step;
                    run.BeginStep();
                    var loss = TrainStep(batch, setup, totalSteps, run);
                    State = State.StepInEpoch + 1 == stepsPerEpoch
                        ? State with { Epoch = epoch + 1, StepInEpoch = 0, Step = step + 1 }
                        : State with { StepInEpoch = State.StepInEpoch + 1, Step = step + 1 };
                    run.EndStep();
                    if (loss is { } value)
                    {
                        (epochLoss, trained) = (epochLoss + value, trained + 1);
                        report.AddStep(value, batch.Size, clock.Elapsed);
                        observer.OnStep(step, epoch, value, batch.Size, setup.CurrentLearningRate);
                    }
                    else
                    {
                        observer.OnStepSkipped(step, epoch);
                    }
                    if (run.CheckpointDue)
                        SaveCheckpoint(run, setup.Optimizer, observer);
                }
            }
            if (State.Epoch == epoch)
                State = State with { Epoch = epoch + 1, StepInEpoch = 0 }; // resumed past this epoch's end (a larger batch size, allowed as a change)
            if (trained > 0)
            {
                report.AddEpoch(epochLoss / trained);
                observer.OnEpochEnd(epoch, epochLoss / trained);
            }
        }
    }

    // One step: the loss, the update and the state updates, in one dispose scope. Returns the loss, or null when the
    // step was skipped for a non-finite value (its buffers restored, no update made).
    private float? TrainStep(Batch batch, TrainingSetup setup, long totalSteps, SupervisedRun run)
    {
        using var region = Hosting.NoCollectionRegion.Enter();
        using var scope = NewDisposeScope();
        var snapshot = run.NonFinite == NonFiniteSteps.Skip ? BufferSnapshot.Of(this) : null;
        using var random = TrainingContext.NewRandom(State.Seed, State.Step);
        TrainingContext.SeedGlobalGenerator(State.Seed, State.Step);
        var context = new TrainingContext(random, Device, State.Epoch, State.Step, totalSteps);
        setup.ApplySchedule(State.Step, totalSteps);
        setup.Optimizer.zero_grad();
        try
        {
            var loss = ForwardInPrecision(batch, context);
            var value = FiniteLoss(loss, "the loss", context);
            Update(loss, setup, batch, context);
            return value;
        }
        catch (TrainingDivergedException) when (snapshot is not null)
        {
            snapshot.Restore();
            setup.Optimizer.zero_grad();
            run.Skipped.Add(context.Step);
            return null;
        }
    }

    /// <summary>Step 4: the loss of one batch (the generated <see cref="ComputeLoss"/>).</summary>
    protected virtual Tensor Forward(Batch batch, TrainingContext context) => ComputeLoss(batch, context);

    /// <summary>
    /// Step 5: back-propagates, checks that every gradient is finite, steps the optimizer, then updates the method's
    /// state (<see cref="AfterStep"/>).
    /// </summary>
    protected virtual void Update(Tensor loss, TrainingSetup setup, Batch batch, TrainingContext context)
    {
        if (BackwardInPrecision(loss))
        {
            EnsureFiniteGradients(setup.Optimizer, "a gradient", context);
            setup.Step(parameters());
        }
        using (no_grad())
            AfterStep(batch, context);
    }

    /// <summary>The value of <paramref name="loss"/>; throws a <see cref="TrainingDivergedException"/> naming <paramref name="what"/> when it is not finite.</summary>
    protected float FiniteLoss(Tensor loss, string what, TrainingContext context)
    {
        var value = loss.item<float>();
        return float.IsFinite(value) ? value : throw Diverged(context.Step, $"{what} is {value}");
    }

    /// <summary>Throws a <see cref="TrainingDivergedException"/> when a gradient of <paramref name="optimizer"/>'s parameters is not finite.</summary>
    protected void EnsureFiniteGradients(OptimizerHelper optimizer, string what, TrainingContext context)
    {
        if (!FiniteValues.AllFinite(optimizer.parameters().Select(p => p.grad)))
            throw Diverged(context.Step, $"{what} is NaN or infinite");
    }

    private TrainingDivergedException Diverged(long step, string what)
    {
        var kept = _run?.CheckpointKept ?? "nothing was saved";
        return new TrainingDivergedException(GetName(), step, what,
            $"{GetName()} stopped at step {step}: {what}; {kept}. Lower the learning rate, or skip such steps " +
            $"({nameof(NonFiniteSteps)}.{nameof(NonFiniteSteps.Skip)}; 'selfish train --skip-non-finite').");
    }

    // Writes the checkpoint of the current state when it holds steps not yet saved; refuses non-finite weights.
    private void SaveCheckpoint(SupervisedRun run, OptimizerHelper optimizer, ITrainingObserver observer)
    {
        if (!run.HasUnsavedSteps)
            return;
        run.Writing = true;
        if (!FiniteValues.AllFinite(parameters()))
            throw Diverged(State.Step - 1, "a weight is NaN or infinite after the optimizer step");
        WriteCheckpoint(run.Name, optimizer, run.Settings, run.KeepsPrevious);
        run.Writing = false;
        run.Checkpointed(State.Step);
        observer.OnCheckpoint(run.Path);
    }

    private sealed class NoObserver : ITrainingObserver
    {
        public static readonly NoObserver Instance = new();
    }
}
