namespace SelfishGen.Evaluation;

/// <summary>How a <see cref="LinearProbe"/> trains its classifier.</summary>
/// <param name="Epochs">Passes over the training features.</param>
/// <param name="LearningRate">Adam's learning rate.</param>
/// <param name="BatchSize">Feature vectors per step.</param>
/// <param name="WeightDecay">Adam's L2 penalty on the weights.</param>
/// <param name="Seed">Seed of the order of the training features in each epoch.</param>
public sealed record LinearProbeOptions(
    int Epochs = 100,
    double LearningRate = 1e-3,
    int BatchSize = 256,
    double WeightDecay = 0,
    int Seed = 0);
