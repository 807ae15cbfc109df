using static SelfishGen.PretextKind;

namespace SelfishGen.Methods;

/// <summary>
/// Learns features by predicting which of four rotations (0°, 90°, 180°, 270°) was applied to an image
/// (Gidaris et al., 2018, "Unsupervised Representation Learning by Predicting Image Rotations").
/// </summary>
[Pretext(Rotation)]
[Classification]
[Recipe(Optimizer = OptimizerKind.Sgd, LearningRate = 0.1, Momentum = 0.9, WeightDecay = 5e-4, Schedule = LrScheduleKind.Cosine, BatchSize = 128)]
public partial class RotateNet : SelfSupervisedMethod;
