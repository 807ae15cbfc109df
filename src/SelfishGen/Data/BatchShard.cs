namespace SelfishGen.Data;

/// <summary>Which part of every batch this process loads: part <paramref name="Index"/> of <paramref name="Count"/> equal parts.</summary>
/// <param name="Index">Zero-based part, the rank in a data-parallel run.</param>
/// <param name="Count">Number of parts, the number of ranks.</param>
public sealed record BatchShard(int Index, int Count)
{
    /// <summary>The rows of this part in a batch of <paramref name="batchSize"/> rows.</summary>
    public Range Rows(int batchSize)
    {
        var rows = batchSize / Count;
        return new Range(Index * rows, (Index + 1) * rows);
    }
}
