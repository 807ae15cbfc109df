using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;

namespace SelfishGen.Augmentations;

/// <summary>
/// Blends each image with a degenerate version of itself: target + f·(image − target), clamped to [0, 1], with the
/// factor f uniform in [<see cref="MinFactor"/>, <see cref="MaxFactor"/>] per sample (0 gives the target, 1 the image).
/// </summary>
public abstract class FactorBlend : IAugmentation
{
    /// <summary>Creates the blend with factors uniform in [<paramref name="minFactor"/>, <paramref name="maxFactor"/>].</summary>
    protected FactorBlend(double minFactor, double maxFactor)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minFactor);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFactor, minFactor);
        MinFactor = minFactor;
        MaxFactor = maxFactor;
    }

    /// <summary>Smallest blend factor.</summary>
    public double MinFactor { get; }

    /// <summary>Largest blend factor.</summary>
    public double MaxFactor { get; }

    /// <inheritdoc />
    public Tensor Apply(Tensor images, Generator random)
    {
        var factor = Draw.PerSample(Draw.Uniform(images.shape[0], MinFactor, MaxFactor, random), images);
        var target = Target(images);
        return target.Plus(factor * (images - target)).clamp(Zero, One);
    }

    /// <summary>The degenerate image that factor 0 gives (broadcastable to <paramref name="images"/>).</summary>
    protected abstract Tensor Target(Tensor images);
}
