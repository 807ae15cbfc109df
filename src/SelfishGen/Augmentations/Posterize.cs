using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;

namespace SelfishGen.Augmentations;

/// <summary>
/// Keeps only the top <c>bits</c> bits of each 8-bit level, with <c>bits</c> uniform in
/// {<see cref="MinBits"/>, …, <see cref="MaxBits"/>} per sample.
/// </summary>
public sealed class Posterize : IAugmentation
{
    /// <summary>Creates the posterisation with 1 ≤ <paramref name="minBits"/> ≤ <paramref name="maxBits"/> ≤ 8.</summary>
    public Posterize(int minBits = 5, int maxBits = 8)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minBits, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBits, minBits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxBits, 8);
        (MinBits, MaxBits) = (minBits, maxBits);
    }

    /// <summary>Fewest bits kept.</summary>
    public int MinBits { get; }

    /// <summary>Most bits kept.</summary>
    public int MaxBits { get; }

    private static readonly Scalar Eight = 8.ToScalar();

    /// <inheritdoc />
    public Tensor Apply(Tensor images, Generator random)
    {
        using var fewest = MinBits.ToScalar();
        var bits = Draw.Integer(images.shape[0], MaxBits - MinBits + 1, random).Plus(fewest);
        var dropped = bits.SubtractedFrom(Eight);
        var quantum = ones_like(dropped).bitwise_left_shift(dropped).to(images.device).view(-1, 1, 1, 1); // 2^dropped
        return Levels.To(Levels.From(images).div(quantum, RoundingMode.floor) * quantum, images);
    }
}
