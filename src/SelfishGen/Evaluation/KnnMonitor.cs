using System.Diagnostics;
using SelfishGen.Data;
using static TorchSharp.torch;

namespace SelfishGen.Evaluation;

/// <summary>
/// The online kNN monitor: a training observer that, every <see cref="Every"/> steps (and before the first and after
/// the last), measures the weighted kNN accuracy of the encoder being trained on a fixed labelled set: the features
/// of <see cref="BankImages"/> training images vote for the class of <see cref="QueryImages"/> held-out images.
/// Each reading also gives the <see cref="FeatureSpectrum.EffectiveRank"/> of the bank's features.
/// </summary>
/// <remarks>
/// Labels are used for the vote only, never for training. The encoder runs in eval mode under no_grad in batches
/// (<see cref="FeatureExtractor"/>) and gets its training mode back; the monitor draws no random numbers, so a run
/// trains the same with and without it. Pass it to <see cref="SelfSupervisedMethod.Supervise"/> as the observer (with
/// others through <see cref="TrainingObservers.Combine"/>).
/// </remarks>
public sealed class KnnMonitor : ITrainingObserver
{
    private readonly nn.Module<Tensor, Tensor> _encoder;
    private readonly IImageDataset _bank;
    private readonly IImageDataset _queries;
    private readonly KnnClassifier _knn;
    private readonly int _batchSize;
    private readonly List<KnnMonitorPoint> _points = [];
    private long _totalSteps = long.MaxValue;

    /// <summary>Neighbours that vote unless asked otherwise: the evaluation's k.</summary>
    public const int DefaultK = 200;

    /// <summary>Creates a monitor of <paramref name="encoder"/>.</summary>
    /// <param name="encoder">The encoder being trained, images (N, C, H, W) → features (N, D): the method's backbone.</param>
    /// <param name="bank">Labelled training images whose features are the kNN bank.</param>
    /// <param name="queries">Labelled held-out images whose accuracy is measured.</param>
    /// <param name="every">Steps between readings.</param>
    /// <param name="k">Neighbours that vote.</param>
    /// <param name="batchSize">Images per forward pass.</param>
    public KnnMonitor(nn.Module<Tensor, Tensor> encoder, IImageDataset bank, IImageDataset queries, int every, int k = DefaultK, int batchSize = 256)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(every, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        RequireLabelled(bank, nameof(bank));
        RequireLabelled(queries, nameof(queries));
        _encoder = encoder;
        _bank = bank;
        _queries = queries;
        _knn = new KnnClassifier(k);
        _batchSize = batchSize;
        Every = every;
    }

    /// <summary>Steps between readings.</summary>
    public int Every { get; }

    /// <summary>Neighbours that vote.</summary>
    public int K => _knn.K;

    /// <summary>Images in the kNN bank.</summary>
    public int BankImages => _bank.Count;

    /// <summary>Held-out images classified at each reading.</summary>
    public int QueryImages => _queries.Count;

    /// <summary>The readings so far, in order.</summary>
    public IReadOnlyList<KnnMonitorPoint> Points => _points;

    /// <summary>Wall-clock time spent in readings.</summary>
    public TimeSpan Elapsed { get; private set; }

    /// <summary>Raised after each reading.</summary>
    public event Action<KnnMonitorPoint>? Measured;

    /// <inheritdoc />
    public void OnStart(string method, long firstStep, long totalSteps, int stepsPerEpoch)
    {
        _totalSteps = totalSteps;
        if (firstStep < totalSteps && _points.LastOrDefault()?.Step != firstStep)
            Measure(firstStep);
    }

    /// <inheritdoc />
    public void OnStep(long step, int epoch, float loss, int images, double learningRate)
    {
        var done = step + 1;
        if (done % Every == 0 || done == _totalSteps)
            Measure(done);
    }

    /// <summary>Takes a reading now and records it as one at <paramref name="step"/>.</summary>
    public KnnMonitorPoint Measure(long step)
    {
        var clock = Stopwatch.StartNew();
        double accuracy, rank;
        using (var bank = FeatureExtractor.Extract(_encoder, _bank, _batchSize))
        using (var queries = FeatureExtractor.Extract(_encoder, _queries, _batchSize))
            (accuracy, rank) = (_knn.Evaluate(bank, queries).Accuracy, FeatureSpectrum.EffectiveRank(bank.Features));
        var elapsed = clock.Elapsed;
        var point = new KnnMonitorPoint(step, accuracy, elapsed.TotalSeconds, rank);
        Elapsed += elapsed;
        _points.Add(point);
        Measured?.Invoke(point);
        return point;
    }

    private static void RequireLabelled(IImageDataset images, string name)
    {
        if (images.Count == 0 || images.ClassNames.Count == 0)
            throw new ArgumentException("The kNN monitor needs labelled images (class sub-folders or labelled IDX files).", name);
    }
}
