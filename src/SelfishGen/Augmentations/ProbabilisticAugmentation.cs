using static TorchSharp.torch;

namespace SelfishGen.Augmentations;

/// <summary>An augmentation that transforms each sample with probability <see cref="Probability"/>.</summary>
public abstract class ProbabilisticAugmentation : IAugmentation
{
    /// <summary>Creates the augmentation; <paramref name="probability"/> must lie in [0, 1].</summary>
    protected ProbabilisticAugmentation(double probability)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(probability, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(probability, 1);
        Probability = probability;
    }

    /// <summary>Chance that a sample is transformed.</summary>
    public double Probability { get; }

    /// <inheritdoc />
    public Tensor Apply(Tensor images, Generator random) =>
        Selection.ApplyWhere(images, Draw.CoinOfAllRows(images.shape[0], Probability, random), chosen => Transform(chosen, random));

    /// <summary>Transforms every sample of <paramref name="images"/> (the ones chosen by the coin flip).</summary>
    protected abstract Tensor Transform(Tensor images, Generator random);
}
