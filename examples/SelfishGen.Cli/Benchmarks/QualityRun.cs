using System.Diagnostics;
using SelfishGen.Data;
using SelfishGen.Evaluation;
using SelfishGen.Modules;

namespace SelfishGen.Cli.Benchmarks;

/// <summary>
/// Pre-trains one method for a budget (epochs, or minutes of wall clock), then evaluates its encoder next to the same
/// architecture at random init and raw pixels, and projects test features to 2-D.
/// </summary>
/// <param name="Backbone">The backbone every method trains.</param>
/// <param name="Recipe">What every method trains with instead of its recipe's settings (none: each method's own recipe).</param>
/// <param name="Epochs">Epochs, when <paramref name="Budget"/> is null.</param>
/// <param name="Budget">Wall-clock budget of pre-training (kNN monitor readings excluded): the run's length is estimated from its pace as it
/// goes so that schedules run to their end (<see cref="TrainingBudget"/>).</param>
/// <param name="Seed">Seed of initialisation and data order.</param>
/// <param name="Store">Folder of the checkpoints.</param>
/// <param name="MonitorEvery">Steps between kNN monitor readings; 0 for none.</param>
/// <param name="Resume">Continue each method from its checkpoint in <paramref name="Store"/> when there is one (epochs only),
/// its losses and readings so far from the <see cref="QualityJournal"/> saved with it.</param>
/// <param name="AllowChanges">With <paramref name="Resume"/>: continue a checkpoint trained with other settings, e.g. a finished
/// method extended to more <paramref name="Epochs"/>.</param>
public sealed record QualityRun(
    BackboneKind Backbone, RecipeOverrides Recipe, int Epochs, TimeSpan? Budget, int Seed, string Store, int MonitorEvery = 0, bool Resume = false,
    bool AllowChanges = false)
{
    /// <summary>Test images shown in the 2-D embedding.</summary>
    public const int EmbeddedPoints = 2000;

    /// <summary>A method's result and the 2-D embedding of its test features (points, labels).</summary>
    public sealed record Outcome(QualityResult Result, float[,] Embedding, int[] Labels);

    /// <summary>The budget as text.</summary>
    public string BudgetText => Budget is { } b ? $"{b.TotalMinutes:0.##} min" : $"{Epochs} epochs";

    /// <summary>Trains and evaluates <paramref name="spec"/>.</summary>
    /// <param name="baselines">Where the random-init and raw-pixel rows of earlier methods and runs are kept.</param>
    /// <exception cref="ArgumentException">The method cannot train on this data (e.g. it needs colour images).</exception>
    public Outcome Run(
        MethodSpec spec, LabelledSplits data, IImageDataset evalTrain, IImageDataset evalTest, ITrainingObserver progress, CancellationToken cancellation,
        BaselineRowCache baselines)
    {
        var options = spec.Options(Backbone);
        var info = DatasetInfo.Of(data.Train);
        using var method = spec.Descriptor.Instantiate(info, options, Seed);
        using var randomInit = spec.Descriptor.Instantiate(info, options, Seed);
        method.Dataset = data.Train;
        var recorder = new StepRecorder();
        var monitor = MonitorEvery > 0 ? RunMonitor.Create(method, evalTrain, evalTest, MonitorEvery, Seed) : null;
        var name = Path.Combine(Store, QualityResult.LabelOf(spec.Label, Seed)); // seeds of one method keep checkpoints of their own
        var resume = Resume && File.Exists(CheckpointFile.PathOf(name));
        var journal = new JournalWriter(name, resume ? QualityJournal.Read(name) : QualityJournal.Empty, recorder, monitor);
        var recipe = Recipe.ApplyTo(spec.Descriptor.Recipe);
        // the recorder first and the monitor last, so that the recorded time includes the readings it subtracts
        List<ITrainingObserver> observers = [recorder, progress, journal];
        if (monitor is not null)
            observers.Add(monitor);
        method.Supervise(
            epochs: Budget is null ? Epochs : TrainingBudget.UnboundedEpochs,
            numWorkers: 1,
            name: name,
            pretrained: resume,
            allowChanges: AllowChanges,
            seed: Seed,
            observer: TrainingObservers.Combine([.. observers]),
            cancellation: cancellation,
            recipe: recipe,
            budget: Budget is { } limit ? new TrainingBudget(limit, () => monitor?.Elapsed ?? TimeSpan.Zero) : null);

        var run = journal.Current;
        var monitorLog = monitor is null ? null : new MonitorLog(
            monitor.Every, monitor.K, monitor.BankImages, monitor.QueryImages, run.MonitorSeconds,
            run.MonitorSeconds / Math.Max(run.TrainingSeconds + run.MonitorSeconds, 1e-9), run.MonitorPoints);
        var evaluationClock = Stopwatch.StartNew();
        var evaluation = EncoderEvaluation.Compare(method.GetBackbone(), randomInit.GetBackbone(), evalTrain, evalTest, baselines: baselines);
        var evaluationSeconds = evaluationClock.Elapsed.TotalSeconds;
        var (points, labels) = Embed(method.GetBackbone(), evalTest);
        var result = new QualityResult(
            spec.Label, Backbones.Resolve(Backbone, info.Shape).ToString(), BudgetText, (int)run.Steps,
            (double)run.Images / data.Train.Count, run.Images / Math.Max(run.TrainingSeconds, 1e-9),
            run.StepLosses, evaluation, monitorLog, recipe.ToString(), torch.get_num_threads(), MachineLoad.Now(), evaluationSeconds, run.CpuSeconds, Seed);
        return new Outcome(result, points, labels);
    }

    // Keeps the journal of the run next to its checkpoint: the steps of earlier processes, then this one's.
    private sealed class JournalWriter(string name, QualityJournal before, StepRecorder recorder, KnnMonitor? monitor) : ITrainingObserver
    {
        private QualityJournal _before = before;

        public QualityJournal Current => _before.Then(recorder, monitor);

        public void OnStart(string method, long firstStep, long totalSteps, int stepsPerEpoch)
        {
            if (_before.Steps != firstStep) // stopped between writing the checkpoint and its journal: the steps before are not in it
                _before = QualityJournal.Empty with { Steps = firstStep };
        }

        public void OnCheckpoint(string path) => Current.Save(name);
    }

    private static (float[,] Points, int[] Labels) Embed(Backbone encoder, IImageDataset test)
    {
        var shown = LabelledSplits.Limit(test, EmbeddedPoints, seed: 0);
        using var features = FeatureExtractor.Extract(encoder, shown);
        using var projected = Pca.Project2D(features.Features);
        return ((float[,])projected.data<float>().ToNDArray(), [.. features.Labels.data<long>().ToArray().Select(l => (int)l)]);
    }
}
