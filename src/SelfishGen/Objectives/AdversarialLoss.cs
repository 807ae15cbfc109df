using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;

namespace SelfishGen.Objectives;

/// <summary>
/// The GAN objective on discriminator logits (Goodfellow et al., 2014), as binary cross-entropy with logits: the
/// discriminator labels real samples 1 and fakes 0; the generator wants its fakes labelled 1 (the non-saturating form).
/// </summary>
public sealed class AdversarialLoss
{
    /// <summary>The discriminator's loss: BCE(real, 1) + BCE(fake, 0), each a mean over its samples.</summary>
    public Tensor Discriminator(Tensor realLogits, Tensor fakeLogits) => Labelled(realLogits, One).Plus(Labelled(fakeLogits, Zero));

    /// <summary>The generator's loss: BCE(fake, 1).</summary>
    public Tensor Generator(Tensor fakeLogits) => Labelled(fakeLogits, One);

    /// <summary>Mean binary cross-entropy of <paramref name="logits"/> against the constant <paramref name="label"/>.</summary>
    internal static Tensor Labelled(Tensor logits, Scalar label) =>
        nn.functional.binary_cross_entropy_with_logits(logits, full_like(logits, label));
}
