namespace SelfishGen;

/// <summary>The distribution latent codes are drawn from.</summary>
public enum LatentDistribution
{
    /// <summary>Uniform in [−1, 1] per component (BiGAN's choice).</summary>
    Uniform,

    /// <summary>Standard normal per component.</summary>
    Normal,
}
