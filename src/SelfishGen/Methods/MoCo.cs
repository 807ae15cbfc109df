using static SelfishGen.ViewAugmentation;

namespace SelfishGen.Methods;

/// <summary>
/// Learns features by matching each view to its momentum-encoded partner among a large queue of past keys (He et
/// al., 2020, "Momentum Contrast for Unsupervised Visual Representation Learning"; v2 augmentations and head).
/// </summary>
/// <remarks>
/// Queries and keys are forwarded in four batch-norm groups, the keys shuffled among them: shuffle-BN on one device.
/// Each view is the query of the other's key (the symmetrised loss of solo-learn's MoCo v2+ and of MoCo v3).
/// </remarks>
[Views(MoCoV2, MoCoV2)]
[Projector(Hidden = [1024, 1024], Out = 128)]
[MomentumEncoder(Momentum = 0.99)] // the CIFAR recipes' (solo-learn, lightly), not the ImageNet paper's 0.999
[Contrastive(Queue = 65536, Temperature = 0.2, BatchNormGroups = 4, SymmetricLoss = true)] // MoCo v2's loss is one-way: symmetric, +17.86 / +11.82 on CIFAR-10 against +12.47 / +8.01 (docs/benchmarks.md)
[Recipe(Optimizer = OptimizerKind.Lars, LearningRate = 0.4, ScaleWithBatch = 256, WeightDecay = 1e-4, LarsTrust = 0.02, LarsClip = true, Schedule = LrScheduleKind.Cosine, WarmupEpochs = 10, BatchSize = 256)] // SimCLR's, not MoCo v2's SGD 0.03: with momentum 0.99, +12.47 / +8.01 on CIFAR-10 against +10.96 / +6.72 (docs/benchmarks.md)
public partial class MoCo : SelfSupervisedMethod;
