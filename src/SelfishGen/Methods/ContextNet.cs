using static SelfishGen.PretextKind;

namespace SelfishGen.Methods;

/// <summary>
/// Learns features by painting in erased blocks of an image, judged by a discriminator as well as by pixel error
/// (Pathak et al., 2016, "Context Encoders: Feature Learning by Inpainting"; random blocks).
/// </summary>
[Pretext(Inpaint)]
[Reconstruction(OutsideWeight = 0.0)]
[Adversarial(Weight = 0.001)]
[Recipe(Optimizer = OptimizerKind.Adam, LearningRate = 2e-4, Beta1 = 0.5, BatchSize = 64)]
public partial class ContextNet : AdversarialMethod;
