using SelfishGen;
using TorchSharp;
using SelfishGen.Objectives;
using SelfishGen.State;
using static TorchSharp.torch;

namespace CustomMethod;

/// <summary>
/// NNCLR's objective: the positive of each view's prediction is the nearest neighbour of the other view's embedding
/// in a support queue of past embeddings (cosine similarity), the other predictions of the batch its negatives
/// (InfoNCE), averaged over both directions. The current batch's first-view embeddings then enter the queue.
/// </summary>
[ViewCount(2)]
public sealed class NnclrLoss(ObjectiveSetup setup) : IViewObjective
{
    private static readonly Scalar Half = 0.5.ToScalar();
    private static readonly Scalar One = 1.ToScalar();
    private readonly InfoNceLoss _contrast = new(setup.Temperature);

    /// <inheritdoc />
    public Tensor Loss(ObjectiveInputs inputs)
    {
        var support = inputs.Queue ?? throw new InvalidOperationException("NNCLR needs a support queue: declare [Objective(typeof(NnclrLoss), Queue = ...)].");
        var predictions = inputs.Predictions ?? throw new InvalidOperationException("NNCLR needs a predictor: declare [Predictor].");
        var neighbours0 = NearestNeighbours(inputs.Embeddings[0], support);
        var neighbours1 = NearestNeighbours(inputs.Embeddings[1], support);
        var loss = _contrast.Loss(neighbours0, predictions[1]).add(_contrast.Loss(neighbours1, predictions[0]), One).mul(Half);
        support.Enqueue(inputs.Embeddings[0]);
        return loss;
    }

    /// <summary>The support entry closest to each of <paramref name="embeddings"/> (N, D) by cosine similarity, without gradient.</summary>
    public static Tensor NearestNeighbours(Tensor embeddings, FeatureQueue support)
    {
        using var _ = no_grad();
        var similarity = nn.functional.normalize(embeddings, dim: 1).mm(support.Keys.t());
        return support.Keys.index_select(0, similarity.argmax(1));
    }
}
