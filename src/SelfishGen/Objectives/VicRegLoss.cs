using SelfishGen.Distributed;
using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;

namespace SelfishGen.Objectives;

/// <summary>
/// VICReg: sim·invariance + var·variance + cov·covariance over two views' embeddings z₁, z₂ (N, D), where
/// invariance = mean((z₁ − z₂)²); variance = ½Σ_views mean_j max(0, 1 − √(Var_j + 1e-4)) (unbiased variance);
/// covariance = Σ_views Σ_{i≠j} Cov_ij² / D with Cov = z̄ᵀz̄ / (N − 1) of the centred z̄. In a data-parallel step
/// the variance and covariance are the whole batch's (every rank's rows, <see cref="CrossRank.Gather"/>).
/// </summary>
public sealed class VicRegLoss
{
    private static readonly Scalar Epsilon = 1e-4.ToScalar();
    private readonly Scalar _sim;
    private readonly Scalar _var;
    private readonly Scalar _cov;

    /// <summary>Creates the loss with its three term weights.</summary>
    public VicRegLoss(double sim = 25, double var = 25, double cov = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sim);
        ArgumentOutOfRangeException.ThrowIfNegative(var);
        ArgumentOutOfRangeException.ThrowIfNegative(cov);
        Sim = sim;
        Var = var;
        Cov = cov;
        _sim = sim.ToScalar();
        _var = var.ToScalar();
        _cov = cov.ToScalar();
    }

    /// <summary>Weight of the invariance (mean squared error) term.</summary>
    public double Sim { get; }

    /// <summary>Weight of the variance (hinge on each dimension's standard deviation) term.</summary>
    public double Var { get; }

    /// <summary>Weight of the covariance (off-diagonal decorrelation) term.</summary>
    public double Cov { get; }

    /// <summary>The loss of two views' embeddings <paramref name="first"/> (N, D) and <paramref name="second"/> (N, D).</summary>
    public Tensor Loss(Tensor first, Tensor second)
    {
        var invariance = nn.functional.mse_loss(first, second);
        (first, second) = BarlowTwinsLoss.GatherViews(first, second);
        var variance = Variance(first).Plus(Variance(second)).div(Two);
        var covariance = Covariance(first).Plus(Covariance(second));
        return invariance.mul(_sim).Plus(variance.mul(_var)).Plus(covariance.mul(_cov));
    }

    private static Tensor Variance(Tensor z)
    {
        var std = z.var(0).Plus(Epsilon).sqrt();
        return nn.functional.relu(std.SubtractedFrom(One)).mean();
    }

    private static Tensor Covariance(Tensor z)
    {
        using var degreesOfFreedom = (z.shape[0] - 1).ToScalar();
        using var dimensions = z.shape[1].ToScalar();
        var centred = z - z.mean([0], keepdim: true);
        using var covariance = centred.t().mm(centred).div_(degreesOfFreedom);
        using var offDiagonal = LossTerms.OffDiagonalSquares(covariance);
        return offDiagonal.div(dimensions);
    }
}
