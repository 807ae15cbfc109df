using SelfishGen.Distributed;
using static SelfishGen.Hosting.Scalars;
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
        using var kept = momentum.ToScalar();
        using var added = (1 - momentum).ToScalar();
        Fill(rows, entries.index_select(0, rows).mul_(kept).add_(fresh, alpha: added));
    }

    /// <summary>
    /// As <see cref="Update(Tensor, Tensor, double)"/> with the mean of two views' normalised embeddings of the same
    /// samples, <paramref name="first"/> and <paramref name="second"/> (B, <see cref="Dim"/>).
    /// </summary>
    public void Update(Tensor indices, Tensor first, Tensor second, double momentum) =>
        Update(indices, nn.functional.normalize(first.detach(), dim: 1).PlusInPlace(nn.functional.normalize(second.detach(), dim: 1)), momentum);

    /// <summary>
    /// Replaces the entries of the samples <paramref name="indices"/> (B) with the normalised rows of
    /// <paramref name="features"/> (B, <see cref="Dim"/>) in this process only: for filling the bank where every rank
    /// computes every entry (<see cref="MemoryBankWarmStart"/>).
    /// </summary>
    public void Fill(Tensor indices, Tensor features)
    {
        using var _ = no_grad();
        var entries = Entries;
        entries.index_copy_(0, indices.to(entries.device), nn.functional.normalize(features.detach(), dim: 1).to(entries.dtype));
    }

    /// <summary>
    /// Draws min(<paramref name="count"/>, <see cref="Count"/>) distinct entries uniformly at random, shared by every
    /// query of a batch: their indices (K) and the entries (K, <see cref="Dim"/>), without gradient. A query's own
    /// entry may be among them; <see cref="Objectives.MemoryBankContrast"/> leaves it out of that query's negatives.
    /// </summary>
    public (Tensor Indices, Tensor Entries) SampleNegatives(int count, Generator random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        using var _ = no_grad();
        var indices = randperm(Count, generator: random)[TensorIndex.Slice(0, Math.Min(count, Count))];
        return (indices, Entries.index_select(0, indices.to(Entries.device)));
    }
}
