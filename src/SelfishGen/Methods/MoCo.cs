using static SelfishGen.ViewAugmentation;

namespace SelfishGen.Methods;

/// <summary>
/// Learns features by matching each view to its momentum-encoded partner among a large queue of past keys (He et
/// al., 2020, "Momentum Contrast for Unsupervised Visual Representation Learning"; v2 augmentations and head).
/// </summary>
/// <remarks>
/// Queries and keys are forwarded in four batch-norm groups, the keys shuffled among them: shuffle-BN on one device.
/// </remarks>
[Views(MoCoV2, MoCoV2)]
[Projector(Hidden = [1024, 1024], Out = 128)]
[MomentumEncoder(Momentum = 0.999)]
[Contrastive(Queue = 65536, Temperature = 0.2, BatchNormGroups = 4)]
[Recipe(Optimizer = OptimizerKind.Sgd, LearningRate = 0.03, ScaleWithBatch = 256, Momentum = 0.9, WeightDecay = 1e-4, Schedule = LrScheduleKind.Cosine, BatchSize = 256)]
public partial class MoCo : SelfSupervisedMethod;
