using static SelfishGen.PretextKind;

namespace SelfishGen.Methods;

/// <summary>
/// Learns features by splitting colour images into lightness (L) and colour (ab), each seen by its own encoder that
/// predicts the other half's quantised values at every pixel (Zhang et al., 2017, "Split-Brain Autoencoders:
/// Unsupervised Learning by Cross-Channel Prediction"). Needs colour images.
/// </summary>
[Pretext(ColorSplit, LightnessBinSize = 2, ColorBinSize = 26)]
[PixelClassification]
[Recipe(Optimizer = OptimizerKind.Adam, LearningRate = 1e-3, BatchSize = 64)]
public partial class SplitBrain : SelfSupervisedMethod;
