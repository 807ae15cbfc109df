using static SelfishGen.PretextKind;
using static SelfishGen.ViewAugmentation;

namespace SelfishGen.Methods;

/// <summary>
/// Learns features by predicting which of four rotations (0°, 90°, 180°, 270°) was applied to an image
/// (Gidaris et al., 2018, "Unsupervised Representation Learning by Predicting Image Rotations").
/// </summary>
[Views(PaddedCrop)] // Gidaris et al. feed it as the supervised networks: a padded crop and a flip
[Pretext(Rotation)]
[Classification]
[Recipe(Optimizer = OptimizerKind.Adam, LearningRate = 1e-3, BatchSize = 64)] // measured better than the paper's SGD 0.1 in CPU-length runs (docs/methods.md)
public partial class RotateNet : SelfSupervisedMethod;
