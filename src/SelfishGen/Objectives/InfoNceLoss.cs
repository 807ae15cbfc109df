using SelfishGen.Distributed;
using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;

namespace SelfishGen.Objectives;

/// <summary>
/// InfoNCE: for each query q_b, −log( exp(q_b·k_b/τ) / (exp(q_b·k_b/τ) + Σ_n exp(q_b·n/τ)) ), averaged over the batch.
/// The loss L2-normalises queries, keys and negatives itself (so callers may pass raw embeddings).
/// </summary>
/// <remarks>
/// Negatives are the other keys of the batch, a bank shared by all queries (K, D) such as a
/// <see cref="State.FeatureQueue"/>, or per-query negatives (B, K, D) such as <see cref="State.MemoryBank"/> samples.
/// Gradients flow into every input; detach keys (e.g. momentum keys) before calling when they must not learn.
/// </remarks>
public sealed class InfoNceLoss
{
    private readonly Scalar _temperature;

    /// <summary>Creates the loss with softmax temperature τ = <paramref name="temperature"/> (&gt; 0).</summary>
    public InfoNceLoss(double temperature)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(temperature);
        Temperature = temperature;
        _temperature = temperature.ToScalar();
    }

    /// <summary>The softmax temperature τ.</summary>
    public double Temperature { get; }

    /// <summary>
    /// InfoNCE of <paramref name="queries"/> (B, D) against their <paramref name="keys"/> (B, D), the other B − 1 keys
    /// being the negatives; in a data-parallel step, every rank's keys (<see cref="CrossRank.Gather"/>).
    /// </summary>
    public Tensor Loss(Tensor queries, Tensor keys)
    {
        var logits = Normalise(queries).mm(Normalise(CrossRank.Gather(keys)).t()).div_(_temperature);
        var offset = CrossRank.Offset(queries.shape[0]);
        return nn.functional.cross_entropy(logits, Range(offset, offset + queries.shape[0], ScalarType.Int64, queries.device));
    }

    /// <summary>
    /// InfoNCE of <paramref name="queries"/> (B, D) against their <paramref name="keys"/> (B, D) and
    /// <paramref name="negatives"/>: shared (K, D) or per query (B, K, D); where <paramref name="excluded"/> (B, K) is
    /// true, that negative does not count for that query (e.g. it is the query's own memory-bank entry).
    /// </summary>
    public Tensor Loss(Tensor queries, Tensor keys, Tensor negatives, Tensor? excluded = null)
    {
        var q = Normalise(queries);
        var positive = (q * Normalise(keys)).sum(1, keepdim: true);
        var n = nn.functional.normalize(negatives, dim: -1);
        var negative = negatives.dim() switch
        {
            2 => q.mm(n.t()),
            3 => bmm(n, q.unsqueeze(2)).squeeze(2),
            _ => throw new ArgumentException("Negatives must be (K, D) or (B, K, D).", nameof(negatives)),
        };
        if (excluded is not null)
            negative.masked_fill_(excluded, MinusInfinity);
        var logits = cat([positive, negative], 1).div_(_temperature);
        return nn.functional.cross_entropy(logits, zeros(queries.shape[0], ScalarType.Int64, queries.device));
    }

    private static Tensor Normalise(Tensor embeddings) => nn.functional.normalize(embeddings, dim: 1);
}
