using static TorchSharp.torch;

namespace SelfishGen.Evaluation;

/// <summary>
/// Finds, for each query, the rows of a bank of feature vectors with the largest cosine similarity. The bank is
/// normalised once, into a contiguous float32 copy, for any number of queries.
/// </summary>
internal sealed class NeighbourSearch : IDisposable
{
    private readonly Tensor _bank;

    /// <summary>Prepares a search over the rows of <paramref name="features"/> (N, D), on their device.</summary>
    public NeighbourSearch(Tensor features)
    {
        using var noGrad = no_grad();
        _bank = nn.functional.normalize(features.to(float32), dim: 1).contiguous();
    }

    /// <summary>Rows in the bank.</summary>
    public long Count => _bank.shape[0];

    /// <summary>The bank's device.</summary>
    public Device Device => _bank.device;

    /// <summary>
    /// The <paramref name="k"/> (at most <see cref="Count"/>) largest cosine similarities of each row of
    /// <paramref name="queries"/> (M, D) with the bank, in descending order (float32 (M, k)), and the bank rows they
    /// belong to (int64 (M, k)). No gradient; memory for an M × <see cref="Count"/> similarity matrix.
    /// </summary>
    public (Tensor Similarities, Tensor Indices) Nearest(Tensor queries, int k)
    {
        using var noGrad = no_grad();
        using var unit = nn.functional.normalize(queries.to(float32).to(Device), dim: 1);
        using var similarities = unit.mm(_bank.t());
        return similarities.topk(k, dim: 1);
    }

    /// <inheritdoc />
    public void Dispose() => _bank.Dispose();
}
