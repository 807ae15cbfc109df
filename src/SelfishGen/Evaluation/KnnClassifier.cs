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
    public ClassificationResult Evaluate(LabelledFeatures train, LabelledFeatures test)
    {
        using var predictions = Predict(train, test.Features);
        return ClassificationResult.Score(predictions, test.Labels);
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
        if (features.dim() != 2 || features.shape[1] != train.Dimension)
            throw new ArgumentException(
                $"Expected test features (M, {train.Dimension}); got ({string.Join(", ", features.shape)}).", nameof(features));
        var classes = train.ClassCount();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var device = train.Features.device;
        var bank = nn.functional.normalize(train.Features.to(float32), dim: 1).t();
        var bankLabels = train.Labels.to(device);
        var k = Math.Min(K, train.Count);
        var chunks = new List<Tensor>();
        for (long start = 0; start < features.shape[0]; start += ChunkSize)
        {
            using var chunk = features.narrow(0, start, Math.Min(ChunkSize, features.shape[0] - start));
            chunks.Add(ChunkVotes(chunk.to(device), bank, bankLabels, k, classes));
        }
        return (chunks.Count == 0 ? zeros(0, classes, device: device) : cat(chunks, 0)).MoveToOuterDisposeScope();
    }

    private Tensor ChunkVotes(Tensor chunk, Tensor bank, Tensor bankLabels, int k, int classes)
    {
        using var region = Hosting.NoCollectionRegion.Enter();
        using var scope = NewDisposeScope();
        var similarity = nn.functional.normalize(chunk.to(float32), dim: 1).matmul(bank);
        var (nearest, indices) = similarity.topk(k, dim: 1);
        return zeros(chunk.shape[0], classes, device: chunk.device)
            .scatter_add_(1, bankLabels[indices], nearest.div(_temperature).exp_())
            .MoveToOuterDisposeScope();
    }
}
