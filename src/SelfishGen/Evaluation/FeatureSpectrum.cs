using SelfishGen.Hosting;
using TorchSharp;
using static TorchSharp.torch;

namespace SelfishGen.Evaluation;

/// <summary>How evenly a set of features spreads over its dimensions: a label-free sign of collapse.</summary>
public static class FeatureSpectrum
{
    private static readonly Scalar Epsilon = 1e-7.ToScalar();
    private static readonly Scalar Smallest = double.Epsilon.ToScalar();

    /// <summary>
    /// RankMe (Garrido et al., 2023, "RankMe: Assessing the Downstream Performance of Pretrained Self-Supervised
    /// Representations by Their Rank"): exp of the entropy of the singular values of <paramref name="features"/>
    /// (N, D) normalised to sum 1 (each plus 10⁻⁷), computed in float64. About 1 when every feature lies on one line,
    /// min(N, D) when they spread evenly over every direction.
    /// </summary>
    public static double EffectiveRank(Tensor features)
    {
        if (features.dim() != 2)
            throw new ArgumentException($"Expected features (N, D); got {features.dim()} dimensions.", nameof(features));
        using var scope = NewDisposeScope();
        var singular = linalg.svdvals(features.to(float64));
        var shares = (singular / singular.sum().clamp_min(Smallest)).PlusInPlace(Epsilon);
        return Math.Exp(-(shares * shares.log()).sum().item<double>());
    }
}
