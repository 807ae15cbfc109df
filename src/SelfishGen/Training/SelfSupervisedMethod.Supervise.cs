using System.Diagnostics;
using SelfishGen.Data;
using SelfishGen.Distributed;

using static TorchSharp.torch;

namespace SelfishGen;

public abstract partial class SelfSupervisedMethod
{
    private byte[]? _pendingOptimizerState;
    private DataParallel _parallel = DataParallel.Alone;

    /// <summary>
    /// Trains the method on <see cref="Dataset"/>, then saves a checkpoint to <paramref name="name"/>. The checkpoint is
    /// also written when training stops early: on cancellation (Ctrl+C) or an exception, which are then rethrown.
    /// </summary>
    /// <remarks>
    /// Started by <c>mpirun</c> (or given a <paramref name="communicator"/> of several ranks), every process trains
    /// data-parallel: <paramref name="batchSize"/> is the batch of all ranks together, split evenly; the ranks start
    /// from rank 0's weights, average their gradients every step and see the whole batch in their objectives, so
    /// that N ranks train as one process with the whole batch would (exactly so with <paramref name="syncBatchNorm"/>).
    /// Rank 0 alone writes checkpoints and reports progress. A failure on one rank stops every rank.
    /// </remarks>
    /// <param name="lr">Base learning rate.</param>
    /// <param name="optimizer">Optimizer to build.</param>
    /// <param name="epochs">Total epochs of the run (a resumed run continues up to this number).</param>
    /// <param name="batchSize">Images per batch.</param>
    /// <param name="shuffle">Shuffle the data every epoch.</param>
    /// <param name="numWorkers">Extra batches prepared ahead on the loader's background thread.</param>
    /// <param name="name">Checkpoint name: <c>store/base</c> writes <c>store/base.ckpt</c>.</param>
    /// <param name="pretrained">Resume from the checkpoint <paramref name="name"/> (weights, optimizer, state, position).</param>
    /// <param name="lrScheduler">Learning-rate schedule; constant when null.</param>
    /// <param name="seed">Seed of data order and augmentations (ignored when resuming: the checkpoint's seed is kept).</param>
    /// <param name="device">Device to train on; the method's current device when null.</param>
    /// <param name="observer">Receives progress (progress bars, logs).</param>
    /// <param name="cancellation">Stops training after the current step; a checkpoint is written first.</param>
    /// <param name="communicator">The ranks to train with; <see cref="Communicators.FromEnvironment"/> when null.</param>
    /// <param name="syncBatchNorm">With several ranks, normalise batch-norm layers with the statistics of the whole batch.</param>
    public TrainingReport Supervise(
        double lr = 1e-3,
        OptimizerKind optimizer = OptimizerKind.Adam,
        int epochs = 10,
        int batchSize = 32,
        bool shuffle = true,
        int numWorkers = 0,
        string name = "store/base",
        bool pretrained = false,
        LrSchedule? lrScheduler = null,
        int seed = 0,
        Device? device = null,
        ITrainingObserver? observer = null,
        CancellationToken cancellation = default,
        ICommunicator? communicator = null,
        bool syncBatchNorm = false)
    {
        var dataset = Dataset ?? throw new InvalidOperationException(
            $"{GetName()} has no dataset: construct it with one, or set {nameof(Dataset)} before calling {nameof(Supervise)}.");
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lr);
        if (device is not null)
            To(device);

        _parallel = new DataParallel(communicator ?? Communicators.FromEnvironment(), syncBatchNorm);
        observer = _parallel.IsLeader ? observer ?? NoObserver.Instance : NoObserver.Instance;
        using var batchNorm = _parallel.SyncBatchNorm(this);

        State = TrainingState.Start(seed);
        var setup = _parallel.Agree(() =>
        {
            LoadPretrained(name, pretrained);
            return InitDataOptimizer(dataset, optimizer, lr, lrScheduler ?? LrSchedule.Constant, epochs, batchSize, shuffle, numWorkers);
        });
        _parallel.Synchronise(this, dataset, setup);
        var report = new ReportBuilder();
        try
        {
            _parallel.Run(() => Epochs(setup, report, observer, cancellation));
        }
        finally
        {
            if (_parallel.IsLeader)
            {
                Save(name, setup.Optimizer);
                observer.OnCheckpoint(CheckpointFile.PathOf(name));
            }
            setup.Optimizer.Dispose();
        }
        return report.Build(CheckpointFile.PathOf(name));
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
        var loader = new DataLoader(dataset, batchSize, shuffle, State.Seed, dropLast: true, prefetch: 1 + numWorkers, _parallel.Shard);
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
    protected virtual void ReadOptimizerState(BinaryReader reader, TorchSharp.Modules.OptimizerHelper optimizer) => optimizer.load_state_dict(reader);

    /// <summary>Step 3: runs the epochs from <see cref="State"/> up to <see cref="TrainingSetup.Epochs"/>.</summary>
    protected virtual void Epochs(TrainingSetup setup, ReportBuilder report, ITrainingObserver observer, CancellationToken cancellation)
    {
        var stepsPerEpoch = setup.Loader.BatchesPerEpoch;
        var totalSteps = (long)stepsPerEpoch * setup.Epochs;
        observer.OnStart(GetName(), State.Step, totalSteps, stepsPerEpoch);
        train();
        var clock = Stopwatch.StartNew();
        while (State.Epoch < setup.Epochs)
        {
            double epochLoss = 0;
            foreach (var batch in _parallel.Steps(setup.Loader.Epoch(State.Epoch, State.StepInEpoch), cancellation))
            {
                using (batch.To(Device))
                {
                    var loss = TrainStep(batch, setup, totalSteps);
                    epochLoss += loss;
                    var images = _parallel.GlobalRows(batch.Size);
                    report.AddStep(loss, images, clock.Elapsed);
                    observer.OnStep(State.Step, State.Epoch, loss, images, setup.CurrentLearningRate);
                    State = State with { StepInEpoch = State.StepInEpoch + 1, Step = State.Step + 1 };
                }
            }
            report.AddEpoch(epochLoss / stepsPerEpoch);
            observer.OnEpochEnd(State.Epoch, epochLoss / stepsPerEpoch);
            State = State with { Epoch = State.Epoch + 1, StepInEpoch = 0 };
        }
    }

    private float TrainStep(Batch batch, TrainingSetup setup, long totalSteps)
    {
        using var region = Hosting.NoCollectionRegion.Enter();
        using var scope = NewDisposeScope();
        using var ranks = _parallel.EnterStep(batch.Size);
        using var random = TrainingContext.NewRandom(State.Seed, State.Step);
        var context = new TrainingContext(random, Device, State.Epoch, State.Step, totalSteps);
        setup.ApplySchedule(State.Step, totalSteps);
        setup.Optimizer.zero_grad();
        var loss = Forward(batch, context);
        Update(loss, setup, batch, context);
        return _parallel.Mean(loss.item<float>());
    }

    /// <summary>Step 4: the loss of one batch (the generated <see cref="ComputeLoss"/>).</summary>
    protected virtual Tensor Forward(Batch batch, TrainingContext context) => ComputeLoss(batch, context);

    /// <summary>Step 5: back-propagates, steps the optimizer, then updates the method's state (<see cref="AfterStep"/>).</summary>
    protected virtual void Update(Tensor loss, TrainingSetup setup, Batch batch, TrainingContext context)
    {
        loss.backward();
        _parallel.AverageGradients(setup.Optimizer.parameters(), batchNormOf: this);
        setup.Optimizer.step();
        using (no_grad())
            AfterStep(batch, context);
    }

    /// <summary>In a data-parallel run, replaces the gradients of <paramref name="optimizer"/>'s parameters by their mean over the ranks (before its step).</summary>
    protected void AverageGradientsOverRanks(TorchSharp.Modules.OptimizerHelper optimizer) => _parallel.AverageGradients(optimizer.parameters());

    private sealed class NoObserver : ITrainingObserver
    {
        public static readonly NoObserver Instance = new();
    }
}
