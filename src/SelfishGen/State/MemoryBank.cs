using SelfishGen.Augmentations;
using SelfishGen.Distributed;
using static TorchSharp.torch;

namespace SelfishGen.State;

/// <summary>
/// One L2-normalised feature per dataset sample (Instance Discrimination, PIRL, CMC), updated by moving average and
/// sampled for negatives. The entries are a registered buffer, so they are saved, loaded and moved with the owner.
/// </summary>
public sealed class MemoryBank : nn.Module
{
    /// <summary>A bank of <paramref name="count"/> random unit vectors of length <paramref name="dim"/>, drawn from <paramref name="random"/> (or the global generator).</summary>
    public MemoryBank(int count, int dim, Generator? random = null) : base(nameof(MemoryBank))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        Count = count;
        Dim = dim;
        register_buffer("entries", RandomUnitRows.Create(count, dim, random));
    }

    /// <summary>Number of entries: the dataset size.</summary>
    public int Count { get; }

    /// <summary>Length of one entry.</summary>
    public int Dim { get; }

    /// <summary>All entries (<see cref="Count"/>, <see cref="Dim"/>), unit length; the buffer itself, not a copy.</summary>
    public Tensor Entries => get_buffer("entries")!;

    /// <summary>The entries of the samples <paramref name="indices"/> (B), as (B, <see cref="Dim"/>), without gradient.</summary>
    public Tensor this[Tensor indices] => Entries.index_select(0, indices.to(Entries.device)).detach();

    /// <summary>
    /// Sets entry i ← normalise(m·entry_i + (1 − m)·feature) for each sample index i in <paramref name="indices"/> (B)
    /// and row of <paramref name="features"/> (B, <see cref="Dim"/>); m = 0 replaces. Indices should be distinct. In a
    /// data-parallel step every rank's samples are updated, so every rank keeps the same bank.
    /// </summary>
    public void Update(Tensor indices, Tensor features, double momentum)
    {
        if (momentum is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "Momentum must be in [0, 1].");
        using var _ = no_grad();
        var entries = Entries;
        (indices, features) = (CrossRank.Gather(indices), CrossRank.Gather(features.detach()));
        var rows = indices.to(entries.device);
        var fresh = nn.functional.normalize(features.detach(), dim: 1).to(entries.dtype);
        var mixed = entries.index_select(0, rows).mul_(momentum).add_(fresh, alpha: 1 - momentum);
        entries.index_copy_(0, rows, nn.functional.normalize(mixed, dim: 1));
    }

    /// <summary>
    /// Draws <paramref name="count"/> entries per sample uniformly with replacement from all entries except the
    /// sample's own, giving (B, <paramref name="count"/>, <see cref="Dim"/>) negatives for <paramref name="indices"/> (B).
    /// </summary>
    public Tensor SampleNegatives(Tensor indices, int count, Generator random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        using var _ = no_grad();
        var own = indices.cpu().to(ScalarType.Int64).unsqueeze(1);
        // Draw from Count − 1 values and step over the sample's own index: uniform over the others.
        var drawn = Draw.ForRows([own.shape[0], count], all => randint(0, Count - 1, all, ScalarType.Int64, generator: random));
        var others = drawn.add_(drawn.ge(own).to(ScalarType.Int64));
        return Entries.index_select(0, others.flatten().to(Entries.device)).view(own.shape[0], count, Dim);
    }
}
