using static SelfishGen.PretextKind;

namespace SelfishGen.Methods;

/// <summary>
/// Learns features by predicting which of four rotations (0°, 90°, 180°, 270°) was applied to an image
/// (Gidaris et al., 2018, "Unsupervised Representation Learning by Predicting Image Rotations").
/// </summary>
[Pretext(Rotation)]
[Classification]
public partial class RotateNet : SelfSupervisedMethod;
