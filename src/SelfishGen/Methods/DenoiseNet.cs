using static SelfishGen.PretextKind;

namespace SelfishGen.Methods;

/// <summary>
/// Learns features by restoring images whose pixels were partly dropped: a denoising autoencoder (Vincent et al.,
/// 2008, "Extracting and Composing Robust Features with Denoising Autoencoders").
/// </summary>
[Pretext(Denoise, DropRate = 0.7)]
[Reconstruction]
[Recipe(Optimizer = OptimizerKind.Adam, LearningRate = 1e-3, BatchSize = 64)]
public partial class DenoiseNet : SelfSupervisedMethod;
