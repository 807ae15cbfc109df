using static TorchSharp.torch;

namespace SelfishGen.Augmentations;

/// <summary>Mirrors each image left to right with probability <see cref="ProbabilisticAugmentation.Probability"/>.</summary>
public sealed class HorizontalFlip(double probability = 0.5) : ProbabilisticAugmentation(probability)
{
    /// <inheritdoc />
    protected override Tensor Transform(Tensor images, Generator random) => images.flip(3);
}
