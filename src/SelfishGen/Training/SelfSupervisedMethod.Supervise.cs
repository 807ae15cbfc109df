using System.Diagnostics;
using SelfishGen.Data;

using static TorchSharp.torch;

namespace SelfishGen;

public abstract partial class SelfSupervisedMethod
{
    private byte[]? _pendingOptimizerState;

    /// <summary>
    /// Trains the method on <see cref="Dataset"/>, then saves a checkpoint to <paramref name="name"/>. The checkpoint is
    /// also written when training stops early: on cancellation (Ctrl+C) or an exception, which are then rethrown.
    /// </summary>
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
    /// <param name="precision">
    /// The arithmetic of the steps: float32, or mixed precision whose convolutions compute in bfloat16 (CPUs with
    /// AVX-512 BF16 or AMX, CUDA) or float16 (CUDA) while weights, batch norms, heads and losses stay float32
    /// (<see cref="Modules.Autocast"/>). A precision the device cannot run is refused with an <see cref="ArgumentException"/>.
    /// </param>
    /// <param name="observer">Receives progress (progress bars, logs).</param>
    /// <param name="cancellation">Stops training after the current step; a checkpoint is written first.</param>
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
        Precision precision = Precision.Float32,
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

        State = TrainingState.Start(seed);
        LoadPretrained(name, pretrained);
        var setup = InitDataOptimizer(dataset, optimizer, lr, lrScheduler ?? LrSchedule.Constant, epochs, batchSize, shuffle, numWorkers);
        var report = new ReportBuilder();
        try
        {
            Epochs(setup, report, observer ?? NoObserver.Instance, cancellation);
        }
        finally
        {
            Save(name, setup.Optimizer);
            (observer ?? NoObserver.Instance).OnCheckpoint(CheckpointFile.PathOf(name));
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
            foreach (var batch in setup.Loader.Epoch(State.Epoch, State.StepInEpoch))
            {
                using (batch.To(Device))
                {
                    cancellation.ThrowIfCancellationRequested();
                    var loss = TrainStep(batch, setup, totalSteps);
                    epochLoss += loss;
                    report.AddStep(loss, batch.Size, clock.Elapsed);
                    observer.OnStep(State.Step, State.Epoch, loss, batch.Size, setup.CurrentLearningRate);
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
        using var random = TrainingContext.NewRandom(State.Seed, State.Step);
        var context = new TrainingContext(random, Device, State.Epoch, State.Step, totalSteps);
        setup.ApplySchedule(State.Step, totalSteps);
        setup.Optimizer.zero_grad();
        var loss = ForwardInPrecision(batch, context);
        Update(loss, setup, batch, context);
        return loss.item<float>();
    }

    /// <summary>Step 4: the loss of one batch (the generated <see cref="ComputeLoss"/>).</summary>
    protected virtual Tensor Forward(Batch batch, TrainingContext context) => ComputeLoss(batch, context);

    /// <summary>Step 5: back-propagates, steps the optimizer, then updates the method's state (<see cref="AfterStep"/>).</summary>
    protected virtual void Update(Tensor loss, TrainingSetup setup, Batch batch, TrainingContext context)
    {
        BackwardAndStep(loss, setup.Optimizer);
        using (no_grad())
            AfterStep(batch, context);
    }

    private sealed class NoObserver : ITrainingObserver
    {
        public static readonly NoObserver Instance = new();
    }
}
