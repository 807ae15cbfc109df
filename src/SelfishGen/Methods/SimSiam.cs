using static SelfishGen.ViewAugmentation;

namespace SelfishGen.Methods;

/// <summary>
/// Learns features by predicting one view's embedding from the other's, the target's gradient stopped, without
/// negatives or a momentum encoder (Chen and He, 2021, "Exploring Simple Siamese Representation Learning").
/// </summary>
[Views(MoCoV2, MoCoV2)]
[Projector(Hidden = [2048, 2048], Out = 2048, OutputNorm = true)]
[Predictor(Hidden = [512])]
[Bootstrap]
[Recipe(Optimizer = OptimizerKind.Sgd, LearningRate = 0.5, ScaleWithBatch = 256, Momentum = 0.9, WeightDecay = 1e-5, Schedule = LrScheduleKind.Cosine, WarmupEpochs = 10, BatchSize = 256)] // solo-learn's CIFAR recipe: measured better than the paper's 0.05 (docs/methods.md)
public partial class SimSiam : SelfSupervisedMethod;
