using static SelfishGen.PretextKind;

namespace SelfishGen.Methods;

/// <summary>
/// Learns features by encoding images into the latent space of a generator trained alongside, so that a discriminator
/// cannot tell (image, encoding) from (generated image, code) pairs (Donahue et al., 2017, "Adversarial Feature
/// Learning"), with ALICE's cycle term (Li et al., 2017): the generator must also give each image back from its encoding.
/// </summary>
[Pretext(Latent, Features = 200, Distribution = LatentDistribution.Uniform)]
[Adversarial(Cycle = 1000)] // the game alone (Cycle = 0) loses the encoder's random features; 1,000 adds to them on Fashion-MNIST, ties 100 on CIFAR-10: docs/benchmarks.md
[Recipe(Optimizer = OptimizerKind.Adam, LearningRate = 2e-4, Beta1 = 0.5, WeightDecay = 2.5e-5, BatchSize = 128)]
public partial class BiGAN : AdversarialMethod;
