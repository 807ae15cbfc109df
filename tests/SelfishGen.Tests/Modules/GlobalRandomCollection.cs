namespace SelfishGen.Tests.Modules;

/// <summary>
/// Module tests seed and draw from torch's process-wide generator; they run on their own, after the parallel tests,
/// so that they neither see nor shift the random streams of tests that check exact reproducibility.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GlobalRandomCollection
{
    /// <summary>The collection's name, for <see cref="CollectionAttribute"/>.</summary>
    public const string Name = "Global torch random generator";
}
