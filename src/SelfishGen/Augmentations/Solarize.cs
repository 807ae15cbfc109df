using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;

namespace SelfishGen.Augmentations;

/// <summary>
/// With probability <see cref="ProbabilisticAugmentation.Probability"/>, inverts every value at or above
/// <see cref="Threshold"/> (x → 1 − x); default threshold 128/255 as in PIL.
/// </summary>
public sealed class Solarize(double probability, double threshold = 128.0 / 255) : ProbabilisticAugmentation(probability)
{
    /// <summary>Values at or above this are inverted.</summary>
    public double Threshold { get; } = threshold;

    private readonly Scalar _threshold = threshold.ToScalar();

    /// <inheritdoc />
    protected override Tensor Transform(Tensor images, Generator random) => where(images.ge(_threshold), images.SubtractedFrom(One), images);
}
