using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace SelfishGen.Augmentations;

/// <summary>
/// Separable Gaussian blur with probability <see cref="ProbabilisticAugmentation.Probability"/>, with σ uniform in
/// [<see cref="MinSigma"/>, <see cref="MaxSigma"/>] per sample. σ is given in pixels of an image whose shorter side
/// is <see cref="ReferenceSide"/> (224 by default, the size the SSL papers' σ of 0.1–2 was chosen for) and scaled to
/// the image, so a 32-pixel image is blurred as much relative to its size as a 224-pixel one (at most σ = 0.29 px,
/// about what the papers' CIFAR-10 recipes get by leaving the blur out). The kernel spans ±⌈3·σ_max⌉ pixels and edges
/// are extended by replication, so a constant image stays constant.
/// </summary>
public sealed class GaussianBlur : ProbabilisticAugmentation
{
    /// <summary>The image side the default σ range refers to.</summary>
    public const int ImageNetSide = 224;

    /// <summary>
    /// Creates the blur; σ is drawn from [<paramref name="minSigma"/>, <paramref name="maxSigma"/>], in pixels of a
    /// <paramref name="referenceSide"/>-pixel image (of the image itself when null).
    /// </summary>
    public GaussianBlur(double probability, double minSigma = 0.1, double maxSigma = 2.0, int? referenceSide = ImageNetSide) : base(probability)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minSigma);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSigma, minSigma);
        if (referenceSide is { } side)
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(side, nameof(referenceSide));
        MinSigma = minSigma;
        MaxSigma = maxSigma;
        ReferenceSide = referenceSide;
    }

    /// <summary>Smallest σ, in pixels of a <see cref="ReferenceSide"/>-pixel image.</summary>
    public double MinSigma { get; }

    /// <summary>Largest σ, in pixels of a <see cref="ReferenceSide"/>-pixel image.</summary>
    public double MaxSigma { get; }

    /// <summary>The shorter image side σ refers to; null when σ is in the image's own pixels.</summary>
    public int? ReferenceSide { get; }

    /// <inheritdoc />
    protected override Tensor Transform(Tensor images, Generator random)
    {
        var (count, channels, height, width) = (images.shape[0], images.shape[1], images.shape[2], images.shape[3]);
        var scale = ReferenceSide is { } side ? (double)Math.Min(height, width) / side : 1;
        var radius = (long)Math.Ceiling(3 * MaxSigma * scale);
        var sigma = Draw.Uniform(count, MinSigma * scale, MaxSigma * scale, random).view(-1, 1);
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
