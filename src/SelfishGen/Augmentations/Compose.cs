using static TorchSharp.torch;

namespace SelfishGen.Augmentations;

/// <summary>Applies augmentations one after the other.</summary>
public sealed class Compose(params IAugmentation[] operations) : IAugmentation
{
    /// <summary>The augmentations, in order.</summary>
    public IReadOnlyList<IAugmentation> Operations { get; } = operations;

    /// <inheritdoc />
    public Tensor Apply(Tensor images, Generator random) =>
        Operations.Aggregate(images, (current, operation) => operation.Apply(current, random));
}
