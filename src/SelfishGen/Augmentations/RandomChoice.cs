using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;

namespace SelfishGen.Augmentations;

/// <summary>
/// Applies <see cref="Count"/> operations in sequence, each drawn uniformly (with replacement) from
/// <see cref="Operations"/>, independently for every sample.
/// </summary>
public sealed class RandomChoice : IAugmentation
{
    /// <summary>Creates the choice; <paramref name="count"/> is how many operations each sample receives.</summary>
    public RandomChoice(IReadOnlyList<IAugmentation> operations, int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfZero(operations.Count);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Operations = operations;
        Count = count;
    }

    /// <summary>The pool to draw from.</summary>
    public IReadOnlyList<IAugmentation> Operations { get; }

    /// <summary>How many operations each sample receives.</summary>
    public int Count { get; }

    /// <inheritdoc />
    public Tensor Apply(Tensor images, Generator random)
    {
        for (var round = 0; round < Count; round++)
        {
            var picks = Draw.IntegerOfAllRows(images.shape[0], Operations.Count, random);
            for (var index = 0; index < Operations.Count; index++)
            {
                var operation = Operations[index];
                using var choice = index.ToScalar();
                images = Selection.ApplyWhere(images, picks.eq(choice), chosen => operation.Apply(chosen, random));
            }
        }
        return images;
    }
}
