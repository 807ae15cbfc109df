using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;

namespace SelfishGen.Objectives;

/// <summary>
/// The BiGAN objective (Donahue et al., 2017) on joint-discriminator logits of encoded pairs (x, E(x)) and generated
/// pairs (G(z), z): the discriminator labels encoded pairs 1 and generated pairs 0; encoder and generator are trained
/// together with the labels flipped, so that the two joint distributions become indistinguishable.
/// </summary>
public sealed class BiGanLoss
{
    /// <summary>The discriminator's loss: BCE(D(x, E(x)), 1) + BCE(D(G(z), z), 0).</summary>
    public Tensor Discriminator(Tensor encodedLogits, Tensor generatedLogits) =>
        AdversarialLoss.Labelled(encodedLogits, One).Plus(AdversarialLoss.Labelled(generatedLogits, Zero));

    /// <summary>The encoder's and generator's loss: BCE(D(x, E(x)), 0) + BCE(D(G(z), z), 1).</summary>
    public Tensor EncoderGenerator(Tensor encodedLogits, Tensor generatedLogits) =>
        AdversarialLoss.Labelled(encodedLogits, Zero).Plus(AdversarialLoss.Labelled(generatedLogits, One));
}
