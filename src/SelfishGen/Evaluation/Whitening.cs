using static TorchSharp.torch;

namespace SelfishGen.Evaluation;

/// <summary>
/// PCA whitening of centred features: the (D, r) matrix T = V·Λ^(−1/2) with (XT)ᵀ(XT)/N = I, over the r directions
/// whose variance exceeds <see cref="RelativeFloor"/> of the largest (the others carry nothing a classifier could use).
/// A linear classifier W on the whitened features XT is the classifier W·Tᵀ on X, and its L2 penalty ‖W·Tᵀ‖² there
/// is Σⱼ ‖W₍:,ⱼ₎‖² / λⱼ, so 1/λⱼ weighs each direction's penalty.
/// </summary>
internal static class Whitening
{
    /// <summary>Directions with less variance than this fraction of the largest are dropped.</summary>
    public const double RelativeFloor = 1e-6;

    /// <summary>
    /// The whitening matrix (float32 (D, r)) of the centred features <paramref name="x"/> (N, D), and 1/λⱼ of each
    /// kept direction (float32 (r)).
    /// </summary>
    public static (Tensor Matrix, Tensor Inverses) Of(Tensor x)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        using var count = x.shape[0].ToScalar();
        var covariance = x.t().mm(x).to(float64).div_(count);
        var (variances, directions) = linalg.eigh(covariance, 'L');
        using var floor = (RelativeFloor * variances.max().item<double>()).ToScalar();
        var kept = variances.gt(floor).nonzero().squeeze(1);
        var keptVariances = variances.index_select(0, kept);
        var matrix = directions.index_select(1, kept).mul_(keptVariances.rsqrt()).to(float32);
        return (matrix.MoveToOuterDisposeScope(), keptVariances.reciprocal().to(float32).MoveToOuterDisposeScope());
    }
}
