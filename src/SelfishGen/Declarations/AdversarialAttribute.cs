namespace SelfishGen;

/// <summary>
/// Declares an adversarial loss, trained in alternating steps against a discriminator; the method must derive from
/// <see cref="AdversarialMethod"/>. With an inpainting pretext and <c>[Reconstruction]</c>, an image discriminator
/// tells clean images from completed ones and the loss is (1 − Weight) · reconstruction + Weight · adversarial. With
/// a latent pretext it is the whole objective (BiGAN): a joint discriminator tells (image, encoding) pairs from
/// (generated image, code) pairs.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class AdversarialAttribute : Attribute
{
    /// <summary>Share of the adversarial term in the loss, in [0, 1); only next to <c>[Reconstruction]</c>.</summary>
    public double Weight { get; set; } = 0.001;

    /// <summary>
    /// Weight of a cycle term next to a latent pretext's game, at least 0: the mean squared error of G(E(x)) against x
    /// (ALICE's cycle consistency); 0, the default, for BiGAN's game alone.
    /// </summary>
    public double Cycle { get; set; }

    /// <summary>
    /// Weight of a latent cycle term next to a latent pretext's game, at least 0: the mean squared error of E(G(z))
    /// against z, so that the encoder must read back the code of each generated image; 0, the default, leaves it out.
    /// </summary>
    public double LatentCycle { get; set; }
}
