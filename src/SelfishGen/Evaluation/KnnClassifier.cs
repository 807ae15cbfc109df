using static TorchSharp.torch;

namespace SelfishGen.Evaluation;

/// <summary>
/// The weighted k-nearest-neighbour classifier of self-supervised benchmark tables: features are L2-normalised, the
/// <see cref="K"/> training samples most cosine-similar to a test sample each vote for their class with weight
/// exp(similarity / <see cref="Temperature"/>), and the class with the largest summed weight wins.
/// </summary>
public sealed class KnnClassifier
{
    /// <summary>Creates a classifier.</summary>
    /// <param name="k">Neighbours that vote (fewer when the training set is smaller).</param>
    /// <param name="temperature">Softness of the vote weights: lower lets the closest neighbours dominate.</param>
    /// <param name="chunkSize">Test samples compared with the whole training set at once; bounds the memory of the
    /// similarity matrix to <paramref name="chunkSize"/> × training-set-size floats.</param>
    public KnnClassifier(int k = 200, double temperature = 0.1, int chunkSize = 512)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(temperature);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        K = k;
        Temperature = temperature;
        _temperature = temperature.ToScalar();
        ChunkSize = chunkSize;
    }

    /// <summary>Neighbours that vote.</summary>
    public int K { get; }

    private readonly Scalar _temperature;

    /// <summary>Temperature of the vote weights.</summary>
    public double Temperature { get; }

    /// <summary>Test samples classified per similarity matrix.</summary>
    public int ChunkSize { get; }

    /// <summary>Classifies <paramref name="test"/> by its neighbours in <paramref name="train"/> and scores the result.</summary>
    public ClassificationResult Evaluate(LabelledFeatures train, LabelledFeatures test) => Evaluate([this], train, test)[0];

    /// <summary>
    /// Classifies <paramref name="test"/> with each of <paramref name="classifiers"/> (e.g. k = 200 and k = 20) and
    /// scores the results, searching the neighbours once, for the largest k.
    /// </summary>
    public static IReadOnlyList<ClassificationResult> Evaluate(IReadOnlyList<KnnClassifier> classifiers, LabelledFeatures train, LabelledFeatures test)
    {
        using var scope = NewDisposeScope();
        var votes = Votes(classifiers, train, test.Features);
        return [.. votes.Select(v => ClassificationResult.Score(v.argmax(1), test.Labels))];
    }

    /// <summary>The predicted class (int64 (M)) of each row of <paramref name="features"/> (M, D).</summary>
    public Tensor Predict(LabelledFeatures train, Tensor features)
    {
        using var votes = Votes(train, features);
        return votes.argmax(1);
    }

    /// <summary>
    /// The summed vote weight (float32 (M, classes)) each class gets from the neighbours of each row of
    /// <paramref name="features"/> (M, D). Computed without gradients, on the training features' device.
    /// </summary>
    public Tensor Votes(LabelledFeatures train, Tensor features)
    {
        using var scope = NewDisposeScope();
        return Votes([this], train, features)[0].MoveToOuterDisposeScope();
    }

    // Each classifier's votes for each row of features, from one neighbour search for the largest k. A chunk of test
    // rows at a time (the smallest chunk size of the classifiers) bounds the memory of the similarities.
    private static List<Tensor> Votes(IReadOnlyList<KnnClassifier> classifiers, LabelledFeatures train, Tensor features)
    {
        if (classifiers.Count == 0)
            throw new ArgumentException("Give at least one classifier.", nameof(classifiers));
        if (features.dim() != 2 || features.shape[1] != train.Dimension)
            throw new ArgumentException(
                $"Expected test features (M, {train.Dimension}); got ({string.Join(", ", features.shape)}).", nameof(features));
        var classes = train.ClassCount();
        using var noGrad = no_grad();
        using var search = new NeighbourSearch(train.Features);
        var bankLabels = train.Labels.to(search.Device);
        var largest = (int)Math.Min(classifiers.Max(c => c.K), search.Count);
        var chunkSize = classifiers.Min(c => c.ChunkSize);
        var chunks = classifiers.Select(_ => new List<Tensor>()).ToList();
        for (long start = 0; start < features.shape[0]; start += chunkSize)
        {
            using var region = Hosting.NoCollectionRegion.Enter();
            using var chunkScope = NewDisposeScope();
            using var chunk = features.narrow(0, start, Math.Min(chunkSize, features.shape[0] - start));
            var (similarities, indices) = search.Nearest(chunk, largest);
            var labels = bankLabels[indices];
            for (var c = 0; c < classifiers.Count; c++)
                chunks[c].Add(classifiers[c].ChunkVotes(similarities, labels, classes).MoveToOuterDisposeScope());
        }
        return [.. chunks.Select(parts => parts.Count == 0 ? zeros(0, classes, device: search.Device) : cat(parts, 0))];
    }

    // Votes from the nearest neighbours of a chunk, given in descending similarity: this classifier's K of them.
    private Tensor ChunkVotes(Tensor similarities, Tensor labels, int classes)
    {
        var k = Math.Min(K, similarities.shape[1]);
        using var weights = similarities.narrow(1, 0, k).div(_temperature).exp_();
        using var nearestLabels = labels.narrow(1, 0, k);
        return zeros(similarities.shape[0], classes, device: similarities.device).scatter_add_(1, nearestLabels, weights);
    }
}
