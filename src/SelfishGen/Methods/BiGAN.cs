using static SelfishGen.PretextKind;

namespace SelfishGen.Methods;

/// <summary>
/// Learns features by encoding images into the latent space of a generator trained alongside, so that a discriminator
/// cannot tell (image, encoding) from (generated image, code) pairs (Donahue et al., 2017, "Adversarial Feature
/// Learning").
/// </summary>
[Pretext(Latent, Features = 200, Distribution = LatentDistribution.Uniform)]
[Adversarial]
[Recipe(Optimizer = OptimizerKind.Adam, LearningRate = 2e-4, Beta1 = 0.5, WeightDecay = 2.5e-5, BatchSize = 128)]
public partial class BiGAN : AdversarialMethod;
