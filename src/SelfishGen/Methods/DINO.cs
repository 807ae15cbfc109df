using static SelfishGen.ViewAugmentation;

namespace SelfishGen.Methods;

/// <summary>
/// Learns features by self-distillation: a student network matches the centred, sharpened output of its momentum
/// teacher across views (Caron et al., 2021, "Emerging Properties in Self-Supervised Vision Transformers"). Sized for
/// small images as solo-learn's and lightly's CIFAR recipes are: two global crops (the paper's six local crops are
/// <c>LocalCrops = 6</c>), batch norm in the head, LARS.
/// </summary>
[Views(DinoGlobal1, DinoGlobal2)]
[Projector(Hidden = [2048, 2048], Out = 256)]
[MomentumEncoder(Momentum = 0.996, Cosine = true)]
[Dino(Prototypes = 65536, HeadBatchNorm = true)]
[Recipe(Optimizer = OptimizerKind.Lars, LearningRate = 0.3, ScaleWithBatch = 256, WeightDecay = 1e-6, LarsTrust = 0.02, LarsClip = true,
    Schedule = LrScheduleKind.Cosine, WarmupEpochs = 10, BatchSize = 256, GradientClip = 3.0, FreezeLastLayerEpochs = 1)]
public partial class DINO : SelfSupervisedMethod;
