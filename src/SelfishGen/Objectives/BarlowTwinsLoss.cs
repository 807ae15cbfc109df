using SelfishGen.Distributed;
using static TorchSharp.torch;

namespace SelfishGen.Objectives;

/// <summary>
/// Barlow Twins: with each embedding dimension standardised over the batch, ẑ = (z − mean)/√(var + ε) (biased
/// variance, ε = 1e-5), the cross-correlation C = ẑ₁ᵀẑ₂ / N is pulled to the identity:
/// Σ_i (1 − C_ii)² + λ·Σ_{i≠j} C_ij². In a data-parallel step the batch is every rank's (<see cref="CrossRank.Gather"/>).
/// </summary>
public sealed class BarlowTwinsLoss
{
    private const double Epsilon = 1e-5;

    /// <summary>Creates the loss with off-diagonal weight λ = <paramref name="lambda"/> (≥ 0).</summary>
    public BarlowTwinsLoss(double lambda = 5e-3)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lambda);
        Lambda = lambda;
    }

    /// <summary>The weight λ of the redundancy-reduction (off-diagonal) term.</summary>
    public double Lambda { get; }

    /// <summary>The loss of two views' embeddings <paramref name="first"/> (N, D) and <paramref name="second"/> (N, D).</summary>
    public Tensor Loss(Tensor first, Tensor second)
    {
        (first, second) = GatherViews(first, second);
        var correlation = Standardise(first).t().mm(Standardise(second)).div_(first.shape[0]);
        var diagonal = correlation.diagonal();
        var onDiagonal = (1 - diagonal).square().sum();
        var offDiagonal = correlation.square().sum() - diagonal.square().sum();
        return onDiagonal + Lambda * offDiagonal;
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
        return centred / (centred.square().mean([0], keepdim: true) + Epsilon).sqrt();
    }
}
