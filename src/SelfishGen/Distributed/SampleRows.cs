using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;

namespace SelfishGen.Distributed;

/// <summary>
/// The rows of a batch that this process holds, among all the rows random parameters are drawn for. In a
/// data-parallel step every rank draws each per-sample parameter for the whole batch (the same numbers on every
/// rank, and the same as one process with the whole batch would draw) and keeps its own rows, so an image gets the
/// same augmentation whatever the number of ranks. Subsets (samples chosen by a coin flip) and per-sample patches
/// keep the correspondence.
/// </summary>
/// <remarks>Outside a data-parallel step there is no current instance: every row is this process's.</remarks>
internal sealed class SampleRows
{
    [ThreadStatic]
    private static SampleRows? _current;

    private readonly Tensor _positions;

    private SampleRows(long total, Tensor positions)
    {
        Total = total;
        _positions = positions;
    }

    /// <summary>The rows random draws are made for now; null when this process holds every row.</summary>
    public static SampleRows? Current => _current;

    /// <summary>Rows drawn for: the whole batch (or subset) on every rank.</summary>
    public long Total { get; }

    /// <summary>Rows this process holds.</summary>
    public long Count => _positions.shape[0];

    /// <summary>Rank <paramref name="rank"/>'s share of a batch split evenly into <paramref name="ranks"/> parts of <paramref name="rows"/> rows.</summary>
    public static SampleRows Shard(long rows, int rank, int ranks) =>
        new(rows * ranks, Range(rank * rows, (rank + 1) * rows, ScalarType.Int64));

    /// <summary>Makes <paramref name="rows"/> (or none) the current rows until the returned scope is disposed.</summary>
    public static IDisposable Enter(SampleRows? rows)
    {
        var previous = _current;
        _current = rows;
        return new Scope(previous);
    }

    /// <summary>This process's rows of <paramref name="all"/>, a draw for all <see cref="Total"/> rows (dimension 0).</summary>
    public Tensor Local(Tensor all) => all.index_select(0, _positions.to(all.device));

    /// <summary>The rows among those chosen by <paramref name="chosen"/> (bool, <see cref="Total"/>): what a transformation of only the chosen samples draws for.</summary>
    public SampleRows Subset(Tensor chosen)
    {
        var mask = chosen.cpu();
        var rank = mask.to(ScalarType.Int64).cumsum(0).sub_(One);
        var mine = mask.index_select(0, _positions);
        return new SampleRows(mask.sum().ToInt64(), rank.index_select(0, _positions).masked_select(mine));
    }

    /// <summary>The first of these rows in place of this rank's none: to draw what the other ranks draw, its result unused.</summary>
    public SampleRows StandIn() => new(Total, zeros(1, ScalarType.Int64));

    /// <summary>The rows of a batch with <paramref name="parts"/> consecutive rows per sample (e.g. its patches).</summary>
    public SampleRows Repeat(long parts)
    {
        using var factor = parts.ToScalar();
        return new(Total * parts, _positions.unsqueeze(1).mul(factor).Plus(Range(parts, ScalarType.Int64)).flatten());
    }

    private sealed class Scope(SampleRows? previous) : IDisposable
    {
        public void Dispose() => _current = previous;
    }
}
