using static TorchSharp.torch;

namespace SelfishGen.Augmentations;

/// <summary>Applies <see cref="Operation"/> to each sample with the given probability.</summary>
public sealed class RandomApply(double probability, IAugmentation operation) : ProbabilisticAugmentation(probability)
{
    /// <summary>The augmentation applied to the chosen samples.</summary>
    public IAugmentation Operation { get; } = operation;

    /// <inheritdoc />
    protected override Tensor Transform(Tensor images, Generator random) => Operation.Apply(images, random);
}
