namespace SelfishGen;

/// <summary>
/// Derives independent seeds from a run's seed and a position (an epoch, a step), the same in every process.
/// </summary>
/// <remarks>
/// <see cref="HashCode"/> is randomised per process, so it must not seed anything that a resumed run in another
/// process has to reproduce. This uses the SplitMix64 finaliser instead: a fixed, well-mixed function.
/// </remarks>
public static class SeedSequence
{
    /// <summary>A non-negative 31-bit seed for <paramref name="position"/> in the sequence of <paramref name="seed"/>.</summary>
    public static int Derive(int seed, long position)
    {
        var z = unchecked(((ulong)(uint)seed << 32) ^ (ulong)position) + 0x9E3779B97F4A7C15UL;
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (int)(z >> 33);
    }
}
