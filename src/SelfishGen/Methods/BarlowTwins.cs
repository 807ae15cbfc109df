using static SelfishGen.ViewAugmentation;

namespace SelfishGen.Methods;

/// <summary>
/// Learns features by making the cross-correlation of two views' embeddings the identity: invariant, and without
/// redundancy between dimensions (Zbontar et al., 2021, "Barlow Twins: Self-Supervised Learning via Redundancy Reduction"),
/// with solo-learn's CIFAR rate and decay (the paper's recipe for batch 2048 gains less in a short run).
/// </summary>
[Views(ByolView1, ByolView2)]
[Projector(Hidden = [2048, 2048], Out = 2048)]
[BarlowTwins(Lambda = 0.005)]
[Recipe(Optimizer = OptimizerKind.Lars, LearningRate = 0.3, ScaleWithBatch = 256, WeightDecay = 1e-4, Schedule = LrScheduleKind.Cosine, WarmupEpochs = 10, BatchSize = 256)]
public partial class BarlowTwins : SelfSupervisedMethod;
