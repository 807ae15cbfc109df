using SelfishGen.Distributed;
using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;

namespace SelfishGen.Objectives;

/// <summary>
/// Barlow Twins: with each embedding dimension standardised over the batch, ẑ = (z − mean)/√(var + ε) (biased
/// variance, ε = 1e-5), the cross-correlation C = ẑ₁ᵀẑ₂ / N is pulled to the identity:
/// s·(Σ_i (1 − C_ii)² + λ·Σ_{i≠j} C_ij²), s the loss scale (1 in the paper). In a data-parallel step the batch is
/// every rank's (<see cref="CrossRank.Gather"/>).
/// </summary>
public sealed class BarlowTwinsLoss
{
    private static readonly Scalar Epsilon = 1e-5.ToScalar();
    private readonly Scalar _lambda;
    private readonly Scalar _lossScale;

    /// <summary>
    /// Creates the loss with off-diagonal weight λ = <paramref name="lambda"/> (≥ 0), multiplied by
    /// <paramref name="lossScale"/> (&gt; 0).
    /// </summary>
    public BarlowTwinsLoss(double lambda = 5e-3, double lossScale = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lambda);
        if (!(lossScale > 0))
            throw new ArgumentOutOfRangeException(nameof(lossScale), lossScale, "The loss scale must be greater than 0.");
        Lambda = lambda;
        LossScale = lossScale;
        _lambda = lambda.ToScalar();
        _lossScale = lossScale.ToScalar();
    }

    /// <summary>The weight λ of the redundancy-reduction (off-diagonal) term.</summary>
    public double Lambda { get; }

    /// <summary>The factor the loss is multiplied by.</summary>
    public double LossScale { get; }

    /// <summary>The loss of two views' embeddings <paramref name="first"/> (N, D) and <paramref name="second"/> (N, D).</summary>
    public Tensor Loss(Tensor first, Tensor second)
    {
        (first, second) = GatherViews(first, second);
        using var batch = first.shape[0].ToScalar();
        using var correlation = Standardise(first).t().mm(Standardise(second)).div_(batch);
        var onDiagonal = correlation.diagonal().SubtractedFrom(One).pow(Two).sum();
        var offDiagonal = LossTerms.OffDiagonalSquares(correlation);
        return onDiagonal.Plus(offDiagonal.mul(_lambda)).mul_(_lossScale);
    }

    /// <summary>Both views of every rank's batch, gathered in one exchange.</summary>
    internal static (Tensor First, Tensor Second) GatherViews(Tensor first, Tensor second)
    {
        if (!CrossRank.IsDistributed)
            return (first, second);
        var both = CrossRank.Gather(cat([first, second], 1));
        return (both.narrow(1, 0, first.shape[1]), both.narrow(1, first.shape[1], second.shape[1]));
    }

    private static Tensor Standardise(Tensor z)
    {
        var centred = z - z.mean([0], keepdim: true);
        return centred / centred.pow(Two).mean([0], keepdim: true).Plus(Epsilon).sqrt();
    }
}
