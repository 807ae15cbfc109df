using System.Diagnostics;
using SelfishGen.Data;
using SelfishGen.Distributed;
using OptimizerHelper = TorchSharp.Modules.OptimizerHelper;

using static TorchSharp.torch;

namespace SelfishGen;

public abstract partial class SelfSupervisedMethod
{
    private byte[]? _pendingOptimizerState;
    private SupervisedRun? _run;
    private DataParallel _parallel = DataParallel.Alone;

    /// <summary>The checkpoint name <see cref="Supervise"/>, <see cref="Save"/> and <see cref="Load"/> use when given none: <c>store/&lt;method&gt;</c>.</summary>
    public string DefaultStore => CheckpointFile.DefaultName(GetName());

    /// <summary>
    /// Trains the method on <see cref="Dataset"/> and saves checkpoints to <paramref name="name"/>: every
    /// <paramref name="checkpointEvery"/>, at the end, and when training stops early between two steps (cancellation,
    /// Ctrl+C, an error in the data); the exception is then rethrown. A checkpoint holds the state between two steps only:
    /// a step that fails halfway (or a process that is killed) is not saved, and a resumed run redoes it, so resuming is
    /// exact after any stop.
    /// </summary>
    /// <remarks>
    /// Started by <c>mpirun</c> (or given a <paramref name="communicator"/> of several ranks), every process trains
    /// data-parallel: <paramref name="batchSize"/> is the batch of all ranks together, split evenly; the ranks start
    /// from rank 0's weights, average their gradients every step and see the whole batch in their objectives, so
    /// that N ranks train as one process with the whole batch would (exactly so with <paramref name="syncBatchNorm"/>).
    /// Rank 0 alone writes checkpoints and reports progress. A failure on one rank stops every rank.
    /// </remarks>
    /// <param name="lr">Base learning rate, used as is; the recipe's (scaled with the batch size when it says so) when null.</param>
    /// <param name="optimizer">Optimizer to build; the recipe's when null.</param>
    /// <param name="epochs">Total epochs of the run (a resumed run continues up to this number; a budgeted run stops earlier when its time is up).</param>
    /// <param name="batchSize">Images per batch; the recipe's when null.</param>
    /// <param name="shuffle">Shuffle the data every epoch.</param>
    /// <param name="numWorkers">Extra batches prepared ahead on the loader's background thread.</param>
    /// <param name="name">Checkpoint name: <c>store/RotateNet</c> writes <c>store/RotateNet.ckpt</c>; <see cref="DefaultStore"/> when null.
    /// A fresh run keeps a checkpoint of another run found there as <see cref="CheckpointFile.PreviousPathOf"/> when it first writes.</param>
    /// <param name="pretrained">Resume from the checkpoint <paramref name="name"/> (weights, optimizer, state, position).</param>
    /// <param name="lrScheduler">Learning-rate schedule; the recipe's (warm-up, then constant or cosine) when null.</param>
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
    /// <param name="weightDecay">Weight decay of weights (biases and normalisation parameters never decay); the recipe's when null.</param>
    /// <param name="recipe">The recipe the overrides apply to; the method's own (<see cref="Recipe"/>) when null.</param>
    /// <param name="budget">A wall-clock limit: the run's length is estimated from its speed, and schedules follow that estimate; none when null.
    /// A budgeted run cannot resume (its length depends on the speed measured).</param>
    /// <param name="communicator">The ranks to train with; <see cref="Communicators.FromEnvironment"/> when null.</param>
    /// <param name="syncBatchNorm">With several ranks, normalise batch-norm layers with the statistics of the whole batch.</param>
    /// <exception cref="TrainingDivergedException">A loss, gradient or weight became non-finite (with <see cref="NonFiniteSteps.Stop"/>).</exception>
    /// <exception cref="InvalidDataException">The checkpoint to resume from is unreadable, of another method, or of other settings.</exception>
    /// <exception cref="ArgumentException">An override makes the recipe invalid (e.g. a negative weight decay), or a budgeted run is asked to resume.</exception>
    public TrainingReport Supervise(
        double? lr = null,
        OptimizerKind? optimizer = null,
        int epochs = 10,
        int? batchSize = null,
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
        CancellationToken cancellation = default,
        double? weightDecay = null,
        TrainingRecipe? recipe = null,
        TrainingBudget? budget = null,

        ICommunicator? communicator = null,
        bool syncBatchNorm = false)
    {
        var dataset = Dataset ?? throw new InvalidOperationException(
            $"{GetName()} has no dataset: construct it with one, or set {nameof(Dataset)} before calling {nameof(Supervise)}.");
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        if (budget is not null && pretrained)
            throw new ArgumentException("A budgeted run cannot resume: its length depends on the speed it measures. Resume with a number of epochs instead.", nameof(budget));
        var resolved = TrainingPlan.Override(recipe ?? Recipe, lr, optimizer, batchSize, weightDecay);
        if (device is not null)
            To(device);
        PreparePrecision(precision);
        name ??= DefaultStore;
        var plan = new TrainingPlan(resolved, lrScheduler ?? resolved.ScheduleFor(dataset.Count / resolved.BatchSize), epochs, shuffle, numWorkers);
        var settings = TrainingSettings.Of(plan, seed);
        _parallel = new DataParallel(communicator ?? Communicators.FromEnvironment(), syncBatchNorm);
        if (budget is not null && _parallel.IsDistributed)
            throw new ArgumentException("A budgeted run cannot train on several ranks: each would estimate its own length. Give a number of epochs instead.", nameof(budget));
        observer = _parallel.IsLeader ? observer ?? NoObserver.Instance : NoObserver.Instance;
        using var batchNorm = _parallel.SyncBatchNorm(this);

        State = TrainingState.Start(seed);
        var run = new SupervisedRun(name, settings, checkpointEvery ?? CheckpointInterval.Default, onNonFinite, resumed: pretrained);
        var setup = _parallel.Agree(() =>
        {
            var sameOptimizer = !pretrained || ResumeCheck.Ensure(Checkpoint.ReadHeader(run.Path), this, dataset, settings, allowChanges, run.Path);
            LoadPretrained(name, pretrained);
            if (!sameOptimizer)
                _pendingOptimizerState = null;
            return InitDataOptimizer(dataset, plan);
        });
        if (pretrained)
            run.ResumedFrom(State.Step);
        _parallel.Synchronise(this, dataset, setup);
        if (!pretrained)
        {
            using var random = TrainingContext.NewRandom(seed, FreshRunPosition);
            PrepareFreshRun(dataset, random);
        }
        var report = new ReportBuilder();
        _run = run;
        try
        {
            _parallel.Run(() => Epochs(setup, report, observer, budget, cancellation));
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
            TrainingSetup.Thaw(LastLayer());
            setup.Optimizer.Dispose();
        }
        return report.Build(run.Path) with { SkippedSteps = run.Skipped };
    }

    /// <summary>
    /// Prepares state that depends on the untrained encoder (e.g. memory banks filled with its embeddings), once,
    /// before the first step of a run that does not resume; every rank does it alike. <paramref name="random"/> is
    /// seeded from the run's seed, apart from the steps' generators.
    /// </summary>
    protected virtual void PrepareFreshRun(IImageDataset dataset, Generator random)
    {
    }

    /// <summary>The position in the run's <see cref="SeedSequence"/> of <see cref="PrepareFreshRun"/>'s generator (steps use 0, 1, ...; the global generator negative positions from −1).</summary>
    private const long FreshRunPosition = long.MinValue;

    /// <summary>How this method trains unless <see cref="Supervise"/> is told otherwise: its declared <see cref="RecipeAttribute"/>, or <see cref="TrainingRecipe.Default"/>.</summary>
    public virtual TrainingRecipe Recipe => TrainingRecipe.Default;

    /// <summary>
    /// The parameters of the method's last layer, which a recipe's <see cref="TrainingRecipe.FreezeLastLayerEpochs"/>
    /// keeps from training at the start (DINO's prototypes); none by default.
    /// </summary>
    protected virtual IEnumerable<TorchSharp.Modules.Parameter> LastLayer() => [];

    /// <summary>Step 1: when <paramref name="pretrained"/>, loads the checkpoint <paramref name="name"/> to resume from it.</summary>
    protected virtual void LoadPretrained(string name, bool pretrained)
    {
        if (pretrained)
            Load(name);
    }

    /// <summary>Step 2: builds the data loader and the optimizer of <paramref name="plan"/>.</summary>
    protected virtual TrainingSetup InitDataOptimizer(IImageDataset dataset, TrainingPlan plan)
    {
        var loader = new DataLoader(dataset, plan.BatchSize, plan.Shuffle, State.Seed, dropLast: true, prefetch: 1 + plan.NumWorkers, _parallel.Shard);
        var built = Optimizers.Create(plan.Recipe.OptimizerSettings, parameters(), plan.LearningRate);
        if (_pendingOptimizerState is { } saved)
        {
            using var reader = new BinaryReader(new MemoryStream(saved));
            ReadOptimizerState(reader, built);
            _pendingOptimizerState = null;
        }
        return new TrainingSetup(loader, built, plan);
    }

    /// <summary>Restores the state <see cref="WriteOptimizerState"/> wrote into the training optimizer (and any others).</summary>
    protected virtual void ReadOptimizerState(BinaryReader reader, OptimizerHelper optimizer) => optimizer.load_state_dict(reader);

    /// <summary>
    /// Step 3: runs the epochs from <see cref="State"/> up to <see cref="TrainingSetup.Epochs"/> (or the end of
    /// <paramref name="budget"/>), writing periodic checkpoints between steps.
    /// </summary>
    protected virtual void Epochs(TrainingSetup setup, ReportBuilder report, ITrainingObserver observer, TrainingBudget? budget, CancellationToken cancellation)
    {
        var run = _run ?? throw new InvalidOperationException($"{nameof(Epochs)} runs only inside {nameof(Supervise)}.");
        var stepsPerEpoch = setup.Loader.BatchesPerEpoch;
        var (firstStep, epochSteps) = (State.Step, (long)stepsPerEpoch * setup.Epochs);
        var totalSteps = budget is null ? epochSteps : firstStep + TrainingBudget.Provisional(stepsPerEpoch, epochSteps - firstStep);
        observer.OnStart(GetName(), State.Step, totalSteps, stepsPerEpoch);
        train();
        budget?.Start();
        var clock = Stopwatch.StartNew();
        while (State.Epoch < setup.Epochs && (budget is null || State.Step < totalSteps))
        {
            var epoch = State.Epoch;
            var (epochLoss, trained) = (0.0, 0);
            foreach (var batch in _parallel.Steps(setup.Loader.Epoch(epoch, State.StepInEpoch), cancellation))
            {
                using (batch.To(Device))
                {
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
                        var images = _parallel.GlobalRows(batch.Size);
                        report.AddStep(value, images, clock.Elapsed);
                        observer.OnStep(step, epoch, value, images, setup.CurrentLearningRate);
                    }
                    else
                    {
                        observer.OnStepSkipped(step, epoch);
                    }
                    if (run.CheckpointDue)
                        SaveCheckpoint(run, setup.Optimizer, observer);
                    if (budget is not null)
                    {
                        totalSteps = budget.Exhausted ? State.Step : firstStep + budget.StepDone(epochSteps - firstStep);
                        if (State.Step >= totalSteps)
                            break; // the budget's end, mid-epoch
                    }
                }
            }
            if (State.Epoch == epoch && budget is null)
                State = State with { Epoch = epoch + 1, StepInEpoch = 0 }; // resumed past this epoch's end (a larger batch size, allowed as a change)
            if (trained > 0 && State.Epoch > epoch)
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
        using var ranks = _parallel.EnterStep(batch.Size);
        var snapshot = run.NonFinite == NonFiniteSteps.Skip ? BufferSnapshot.Of(this) : null;
        using var random = TrainingContext.NewRandom(State.Seed, State.Step);
        TrainingContext.SeedGlobalGenerator(State.Seed, State.Step);
        var context = new TrainingContext(random, Device, State.Epoch, State.Step, totalSteps);
        setup.ApplySchedule(State.Step, totalSteps);
        setup.FreezeLastLayer(LastLayer(), State.Step, totalSteps);
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
    /// Step 5: back-propagates, averages the gradients over the ranks, checks that every gradient is finite, steps the
    /// optimizer, then updates the method's state (<see cref="AfterStep"/>).
    /// </summary>
    protected virtual void Update(Tensor loss, TrainingSetup setup, Batch batch, TrainingContext context)
    {
        var finite = BackwardInPrecision(loss);
        _parallel.AverageGradients(setup.Optimizer.parameters(), batchNormOf: this);
        if (finite)
        {
            EnsureFiniteGradients(setup.Optimizer, "a gradient", context);
            setup.Step(parameters());
        }
        using (no_grad())
            AfterStep(batch, context);
    }

    /// <summary>
    /// The value of <paramref name="loss"/> (its mean over the ranks); throws a <see cref="TrainingDivergedException"/>
    /// naming <paramref name="what"/> when it is not finite.
    /// </summary>
    protected float FiniteLoss(Tensor loss, string what, TrainingContext context)
    {
        var value = _parallel.Mean(loss.item<float>());
        return float.IsFinite(value) ? value : throw _parallel.Agreed(Diverged(context.Step, $"{what} is {value}"));
    }

    /// <summary>
    /// Throws a <see cref="TrainingDivergedException"/> when a gradient of <paramref name="optimizer"/>'s parameters
    /// is not finite (after <see cref="AverageGradientsOverRanks"/> in a data-parallel run, so that the ranks agree).
    /// </summary>
    protected void EnsureFiniteGradients(OptimizerHelper optimizer, string what, TrainingContext context)
    {
        if (!FiniteValues.AllFinite(optimizer.parameters().Select(p => p.grad)))
            throw _parallel.Agreed(Diverged(context.Step, $"{what} is NaN or infinite"));
    }

    /// <summary>In a data-parallel run, replaces the gradients of <paramref name="optimizer"/>'s parameters by their mean over the ranks (before its step).</summary>
    protected void AverageGradientsOverRanks(OptimizerHelper optimizer) => _parallel.AverageGradients(optimizer.parameters());

    private TrainingDivergedException Diverged(long step, string what)
    {
        var kept = _run?.CheckpointKept ?? "nothing was saved";
        return new TrainingDivergedException(GetName(), step, what,
            $"{GetName()} stopped at step {step}: {what}; {kept}. Lower the learning rate, or skip such steps " +
            $"({nameof(NonFiniteSteps)}.{nameof(NonFiniteSteps.Skip)}; 'selfish train --skip-non-finite').");
    }

    // Writes the checkpoint of the current state when it holds steps not yet saved (rank 0 alone: the other ranks
    // only count it, as their clocks may not agree that one is due); refuses non-finite weights.
    private void SaveCheckpoint(SupervisedRun run, OptimizerHelper optimizer, ITrainingObserver observer)
    {
        if (!run.HasUnsavedSteps)
            return;
        if (!_parallel.IsLeader)
        {
            run.Checkpointed(State.Step);
            return;
        }
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
