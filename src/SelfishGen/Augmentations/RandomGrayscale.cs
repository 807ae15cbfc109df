using static TorchSharp.torch;

namespace SelfishGen.Augmentations;

/// <summary>
/// Replaces each image by its luma (0.299 R + 0.587 G + 0.114 B) in every channel with probability
/// <see cref="ProbabilisticAugmentation.Probability"/>, keeping the channel count.
/// </summary>
public sealed class RandomGrayscale(double probability) : ProbabilisticAugmentation(probability)
{
    /// <inheritdoc />
    protected override Tensor Transform(Tensor images, Generator random) => Luma.Of(images).expand_as(images);
}
