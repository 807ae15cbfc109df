using static SelfishGen.ViewAugmentation;

namespace SelfishGen.Methods;

/// <summary>
/// Learns features by self-distillation: a student network matches the centred, sharpened output of its momentum
/// teacher across global and local crops (Caron et al., 2021, "Emerging Properties in Self-Supervised Vision Transformers").
/// </summary>
[Views(DinoGlobal1, DinoGlobal2, LocalCrops = 6)]
[Projector(Hidden = [2048, 2048], Out = 256)]
[MomentumEncoder(Momentum = 0.996, Cosine = true)]
[Dino(Prototypes = 65536)]
[Recipe(Optimizer = OptimizerKind.AdamW, LearningRate = 5e-4, ScaleWithBatch = 256, WeightDecay = 0.04, FinalWeightDecay = 0.4, Schedule = LrScheduleKind.Cosine, WarmupEpochs = 10,
    BatchSize = 256, GradientClip = 3.0, FreezeLastLayerEpochs = 1)]
public partial class DINO : SelfSupervisedMethod;
