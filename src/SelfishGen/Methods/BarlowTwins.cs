using static SelfishGen.ViewAugmentation;

namespace SelfishGen.Methods;

/// <summary>
/// Learns features by making the cross-correlation of two views' embeddings the identity: invariant, and without
/// redundancy between dimensions (Zbontar et al., 2021, "Barlow Twins: Self-Supervised Learning via Redundancy Reduction"),
/// with solo-learn's CIFAR recipe and a projector 4× as wide as the backbone's features, the papers' ratio (8192 on
/// ResNet-50, solo-learn's 2048 on ResNet-18, 512 on the ConvNet's 128, where 2048 wide gains less in a short run).
/// </summary>
[Views(ByolView1, ByolView2)]
[Projector(Hidden = [512, 512], Out = 512, ScaleWithFeatures = 128)]
[BarlowTwins(Lambda = 0.005)]
[Recipe(Optimizer = OptimizerKind.Lars, LearningRate = 0.3, ScaleWithBatch = 256, WeightDecay = 1e-4, LarsTrust = 0.02, LarsClip = true, Schedule = LrScheduleKind.Cosine, WarmupEpochs = 10, BatchSize = 256)]
public partial class BarlowTwins : SelfSupervisedMethod;
