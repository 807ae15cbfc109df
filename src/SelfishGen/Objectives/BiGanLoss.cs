using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;

namespace SelfishGen.Objectives;

/// <summary>
/// The BiGAN objective (Donahue et al., 2017) on joint-discriminator logits of encoded pairs (x, E(x)) and generated
/// pairs (G(z), z): the discriminator labels encoded pairs 1 and generated pairs 0; encoder and generator are trained
/// together with the labels flipped, so that the two joint distributions become indistinguishable. A cycle weight
/// above 0 adds ALICE's explicit cycle consistency (Li et al., 2017): the generator must give back each image from
/// its encoding, which ties codes to images where the game alone does not. A latent cycle weight above 0 closes the
/// other loop: the encoder must give back each code from the image generated from it.
/// </summary>
/// <param name="cycleWeight">Weight of the cycle term, at least 0; 0 for the game alone (the paper's).</param>
/// <param name="latentCycleWeight">Weight of the latent cycle term, at least 0; 0 leaves it out.</param>
public sealed class BiGanLoss(double cycleWeight = 0, double latentCycleWeight = 0)
{
    /// <summary>Weight of the cycle term; 0 for the game alone.</summary>
    public double CycleWeight { get; } = cycleWeight >= 0 ? cycleWeight : throw new ArgumentOutOfRangeException(nameof(cycleWeight), cycleWeight, "The cycle weight must be at least 0.");

    /// <summary>Weight of the latent cycle term; 0 leaves it out.</summary>
    public double LatentCycleWeight { get; } = latentCycleWeight >= 0 ? latentCycleWeight : throw new ArgumentOutOfRangeException(nameof(latentCycleWeight), latentCycleWeight, "The latent cycle weight must be at least 0.");

    /// <summary>The discriminator's loss: BCE(D(x, E(x)), 1) + BCE(D(G(z), z), 0).</summary>
    public Tensor Discriminator(Tensor encodedLogits, Tensor generatedLogits) =>
        AdversarialLoss.Labelled(encodedLogits, One).Plus(AdversarialLoss.Labelled(generatedLogits, Zero));

    /// <summary>The encoder's and generator's loss: BCE(D(x, E(x)), 0) + BCE(D(G(z), z), 1).</summary>
    public Tensor EncoderGenerator(Tensor encodedLogits, Tensor generatedLogits) =>
        AdversarialLoss.Labelled(encodedLogits, Zero).Plus(AdversarialLoss.Labelled(generatedLogits, One));

    /// <summary>
    /// <paramref name="loss"/> + <see cref="CycleWeight"/> · the mean squared error of <paramref name="reconstructed"/>,
    /// G(E(x)), against the images x.
    /// </summary>
    public Tensor WithCycle(Tensor loss, Tensor reconstructed, Tensor images) => WithError(loss, CycleWeight, reconstructed, images);

    /// <summary>
    /// <paramref name="loss"/> + <see cref="LatentCycleWeight"/> · the mean squared error of <paramref name="recovered"/>,
    /// E(G(z)), against the codes z.
    /// </summary>
    public Tensor WithLatentCycle(Tensor loss, Tensor recovered, Tensor codes) => WithError(loss, LatentCycleWeight, recovered, codes);

    private static Tensor WithError(Tensor loss, double weight, Tensor actual, Tensor target)
    {
        using var error = nn.functional.mse_loss(actual, target);
        using var scalar = weight.ToScalar();
        return loss.add(error, scalar);
    }
}
