using static SelfishGen.ViewAugmentation;

namespace SelfishGen.Methods;

/// <summary>
/// Learns features by making two views' embeddings agree while keeping each dimension's variance up and the
/// dimensions decorrelated (Bardes et al., 2022, "VICReg: Variance-Invariance-Covariance Regularization"), with a
/// projector 4× as wide as the backbone's features, the paper's ratio (512 on the ConvNet's 128, 2,048 on ResNet-18's
/// 512, solo-learn's), and solo-learn's LARS trust and clipping.
/// </summary>
[Views(ByolView1, ByolView2)]
[Projector(Hidden = [512, 512], Out = 512, ScaleWithFeatures = 128)]
[VicReg(Invariance = 25, Variance = 25, Covariance = 1)]
[Recipe(Optimizer = OptimizerKind.Lars, LearningRate = 0.2, ScaleWithBatch = 256, WeightDecay = 1e-6, LarsTrust = 0.02, LarsClip = true, Schedule = LrScheduleKind.Cosine, WarmupEpochs = 10, BatchSize = 256)]
public partial class VICReg : SelfSupervisedMethod;
