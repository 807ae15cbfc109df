using static SelfishGen.ViewAugmentation;

namespace SelfishGen.Methods;

/// <summary>
/// Learns features by predicting a slowly moving target network's embedding of another view, without negatives
/// (Grill et al., 2020, "Bootstrap Your Own Latent"), at solo-learn's CIFAR learning rate and weight decay.
/// </summary>
[Views(ByolView1, ByolView2)]
[Projector(Hidden = [1024, 1024], Out = 128)]
[Predictor(Hidden = [1024])] // the paper's: one hidden layer as wide as the projector's (measured better than 512, 256 on CIFAR-10 and Fashion-MNIST, docs/benchmarks.md)
[MomentumEncoder(Momentum = 0.996, Cosine = true)]
[Bootstrap]
[Recipe(Optimizer = OptimizerKind.Lars, LearningRate = 1.0, ScaleWithBatch = 256, WeightDecay = 1e-5, Schedule = LrScheduleKind.Cosine, WarmupEpochs = 10, BatchSize = 256)]
public partial class BYOL : SelfSupervisedMethod;
