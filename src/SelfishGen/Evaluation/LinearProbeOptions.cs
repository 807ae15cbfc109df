namespace SelfishGen.Evaluation;

/// <summary>How a <see cref="LinearProbe"/> trains its classifier.</summary>
/// <param name="Epochs">Passes over the training features (mini-batch Adam only).</param>
/// <param name="LearningRate">Adam's learning rate (mini-batch Adam only).</param>
/// <param name="BatchSize">Feature vectors per step (mini-batch Adam only).</param>
/// <param name="WeightDecay">
/// L2 penalty λ on the weights: the objective is the mean cross-entropy + λ/2·‖W‖² (Adam applies it as weight decay).
/// </param>
/// <param name="Seed">Seed of the order of the training features in each epoch (mini-batch Adam only).</param>
/// <param name="Solver">How the classifier is fitted: full-batch L-BFGS (the default) or mini-batch Adam.</param>
/// <param name="Iterations">At most this many L-BFGS iterations (full batch only).</param>
public sealed record LinearProbeOptions(
    int Epochs = 100,
    double LearningRate = 1e-3,
    int BatchSize = 256,
    double WeightDecay = 1e-4,
    int Seed = 0,
    LinearProbeSolver Solver = LinearProbeSolver.FullBatch,
    int Iterations = 50);
