using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace SelfishGen.Augmentations;

/// <summary>
/// Separable Gaussian blur with probability <see cref="ProbabilisticAugmentation.Probability"/>, with σ (pixels)
/// uniform in [<see cref="MinSigma"/>, <see cref="MaxSigma"/>] per sample. The kernel spans ±⌈3·MaxSigma⌉ pixels
/// and edges are extended by replication, so a constant image stays constant.
/// </summary>
public sealed class GaussianBlur : ProbabilisticAugmentation
{
    /// <summary>Creates the blur; σ is drawn from [<paramref name="minSigma"/>, <paramref name="maxSigma"/>].</summary>
    public GaussianBlur(double probability, double minSigma = 0.1, double maxSigma = 2.0) : base(probability)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minSigma);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSigma, minSigma);
        MinSigma = minSigma;
        MaxSigma = maxSigma;
    }

    /// <summary>Smallest σ, in pixels.</summary>
    public double MinSigma { get; }

    /// <summary>Largest σ, in pixels.</summary>
    public double MaxSigma { get; }

    /// <inheritdoc />
    protected override Tensor Transform(Tensor images, Generator random)
    {
        var (count, channels, height, width) = (images.shape[0], images.shape[1], images.shape[2], images.shape[3]);
        var radius = (long)Math.Ceiling(3 * MaxSigma);
        var sigma = Draw.Uniform(count, MinSigma, MaxSigma, random).view(-1, 1);
        var offsets = Range(-radius, radius + 1, float64).view(1, -1);
        var kernel = (-(offsets * offsets) / (sigma.mul(Two) * sigma)).exp();
        kernel = (kernel / kernel.sum(1, keepdim: true)).repeat_interleave(channels, 0).to(images.dtype, images.device);
        var size = 2 * radius + 1;
        var planes = images.reshape(1, count * channels, height, width);
        var padded = pad(planes, [radius, radius, radius, radius], PaddingModes.Replicate);
        var rows = conv2d(padded, kernel.view(-1, 1, 1, size), groups: count * channels);
        var blurred = conv2d(rows, kernel.view(-1, 1, size, 1), groups: count * channels);
        return blurred.view(count, channels, height, width);
    }
}
