using SelfishGen.Data;
using SelfishGen.State;
using static TorchSharp.torch;

namespace SelfishGen.Objectives;

/// <summary>
/// What an objective of your own (<see cref="IViewObjective"/>) is given every step: the views of the batch, their
/// online embeddings, and what else the method declares. Index <c>v</c> of each list is view <c>v</c>.
/// </summary>
/// <param name="batch">The batch (images, labels, dataset indices).</param>
/// <param name="context">The step: its random generator, device and progress.</param>
/// <param name="views">The augmented images of each view (N, C, H, W).</param>
/// <param name="embeddings">The projector's output for each view (N, D), with gradient.</param>
public sealed class ObjectiveInputs(Batch batch, TrainingContext context, IReadOnlyList<Tensor> views, IReadOnlyList<Tensor> embeddings)
{
    /// <summary>The batch (images, labels, dataset indices).</summary>
    public Batch Batch { get; } = batch;

    /// <summary>The step: its random generator, device and progress.</summary>
    public TrainingContext Context { get; } = context;

    /// <summary>The augmented images of each view (N, C, H, W).</summary>
    public IReadOnlyList<Tensor> Views { get; } = views;

    /// <summary>The online embedding of each view (N, D): backbone, then projector; with gradient.</summary>
    public IReadOnlyList<Tensor> Embeddings { get; } = embeddings;

    /// <summary>With <c>[Predictor]</c>: the predictor's output for each view's embedding (N, D); else null.</summary>
    public IReadOnlyList<Tensor>? Predictions { get; init; }

    /// <summary>With <c>[MomentumEncoder]</c>: the momentum encoder's embedding of each view (N, D), without gradient; else null.</summary>
    public IReadOnlyList<Tensor>? Targets { get; init; }

    /// <summary>
    /// With <c>[Objective(Queue = ...)]</c>: the queue of past embeddings (of the projector's width), saved in
    /// checkpoints; the objective reads it and decides what enters it (<see cref="FeatureQueue.Enqueue"/>). Else null.
    /// </summary>
    public FeatureQueue? Queue { get; init; }
}
