using SelfishGen.Augmentations;
using SelfishGen.Data;

namespace SelfishGen.Pretext;

/// <summary>
/// Denoising (Vincent et al., 2008): the input is the image with a fraction of its pixels (or of its blocks of
/// pixels) set to 0, optionally plus Gaussian noise; the target is the clean image.
/// </summary>
public sealed class DenoisePretext
{
    private readonly PixelDropout _dropout;
    private readonly GaussianNoise? _noise;

    /// <summary>Creates the task.</summary>
    /// <param name="dropRate">Fraction of pixels set to 0, in [0, 1) (the original's 0.7).</param>
    /// <param name="perChannel">Drop each channel of a pixel independently instead of the whole pixel.</param>
    /// <param name="noiseSigma">Standard deviation of Gaussian noise added after dropping; 0 for none.</param>
    /// <param name="blockSize">Side in pixels of the square blocks dropped together (1: single pixels).</param>
    public DenoisePretext(double dropRate = 0.7, bool perChannel = false, double noiseSigma = 0, int blockSize = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dropRate);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(dropRate, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(noiseSigma);
        _dropout = new PixelDropout(dropRate, perChannel, blockSize);
        _noise = noiseSigma > 0 ? new GaussianNoise(noiseSigma) : null;
    }

    /// <summary>Fraction of pixels set to 0.</summary>
    public double DropRate => _dropout.Probability;

    /// <summary>The corrupted images (inputs) and the clean ones (targets).</summary>
    public PretextBatch Apply(Batch batch, TrainingContext context)
    {
        var noisy = _dropout.Apply(batch.Images, context.Random);
        return new PretextBatch(_noise?.Apply(noisy, context.Random) ?? noisy, batch.Images);
    }
}
