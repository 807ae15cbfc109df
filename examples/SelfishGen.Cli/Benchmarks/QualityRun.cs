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
/// <param name="Budget">Wall-clock budget of pre-training (kNN monitor readings excluded): the run's length is estimated from its first
/// steps so that schedules run to their end (<see cref="TrainingBudget"/>).</param>
/// <param name="Seed">Seed of initialisation and data order.</param>
/// <param name="Store">Folder of the checkpoints.</param>
/// <param name="MonitorEvery">Steps between kNN monitor readings; 0 for none.</param>
public sealed record QualityRun(
    BackboneKind Backbone, RecipeOverrides Recipe, int Epochs, TimeSpan? Budget, int Seed, string Store, int MonitorEvery = 0)
{
    /// <summary>Test images shown in the 2-D embedding.</summary>
    public const int EmbeddedPoints = 2000;

    /// <summary>A method's result and the 2-D embedding of its test features (points, labels).</summary>
    public sealed record Outcome(QualityResult Result, float[,] Embedding, int[] Labels);

    /// <summary>The budget as text.</summary>
    public string BudgetText => Budget is { } b ? $"{b.TotalMinutes:0.##} min" : $"{Epochs} epochs";

    /// <summary>Trains and evaluates <paramref name="spec"/>.</summary>
    /// <exception cref="ArgumentException">The method cannot train on this data (e.g. it needs colour images).</exception>
    public Outcome Run(
        MethodSpec spec, LabelledSplits data, IImageDataset evalTrain, IImageDataset evalTest, ITrainingObserver progress, CancellationToken cancellation)
    {
        var options = spec.Options(Backbone);
        var info = DatasetInfo.Of(data.Train);
        using var method = spec.Descriptor.Instantiate(info, options, Seed);
        using var randomInit = spec.Descriptor.Instantiate(info, options, Seed);
        method.Dataset = data.Train;
        var recorder = new StepRecorder();
        var monitor = MonitorEvery > 0 ? RunMonitor.Create(method, evalTrain, evalTest, MonitorEvery, Seed) : null;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var recipe = Recipe.ApplyTo(spec.Descriptor.Recipe);
        // the recorder first and the monitor last, so that the recorded time includes the readings it subtracts
        List<ITrainingObserver> observers = [recorder, progress];
        if (monitor is not null)
            observers.Add(monitor);
        method.Supervise(
            epochs: Budget is null ? Epochs : TrainingBudget.UnboundedEpochs,
            numWorkers: 1,
            name: Path.Combine(Store, spec.Label),
            seed: Seed,
            observer: TrainingObservers.Combine([.. observers]),
            cancellation: cancellation,
            recipe: recipe,
            budget: Budget is { } limit ? new TrainingBudget(limit, () => monitor?.Elapsed ?? TimeSpan.Zero) : null);

        var monitorLog = monitor is null ? null : MonitorLog.Of(monitor, clock.Elapsed.TotalSeconds);
        var evaluation = EncoderEvaluation.Compare(method.GetBackbone(), randomInit.GetBackbone(), evalTrain, evalTest);
        var (points, labels) = Embed(method.GetBackbone(), evalTest);
        var steps = recorder.Losses.Count;
        var result = new QualityResult(
            spec.Label, Backbones.Resolve(Backbone, info.Shape).ToString(), BudgetText, steps,
            (double)recorder.Images / data.Train.Count, recorder.Images / Math.Max((recorder.Elapsed - (monitor?.Elapsed ?? TimeSpan.Zero)).TotalSeconds, 1e-9),
            recorder.Losses, evaluation, monitorLog, recipe.ToString(), torch.get_num_threads(), MachineLoad.Now());
        return new Outcome(result, points, labels);
    }

    private static (float[,] Points, int[] Labels) Embed(Backbone encoder, IImageDataset test)
    {
        var shown = LabelledSplits.Limit(test, EmbeddedPoints, seed: 0);
        using var features = FeatureExtractor.Extract(encoder, shown);
        using var projected = Pca.Project2D(features.Features);
        return ((float[,])projected.data<float>().ToNDArray(), [.. features.Labels.data<long>().ToArray().Select(l => (int)l)]);
    }
}
