using TorchSharp;
using static TorchSharp.torch;

namespace CustomMethod;

/// <summary>
/// Sinkhorn–Knopp: turns prototype scores into soft assignments (codes) in which every prototype gets an equal share
/// of the batch, so the codes cannot all collapse onto one prototype (SwAV's equipartition).
/// </summary>
public static class Sinkhorn
{
    /// <summary>
    /// The codes (B, K) of <paramref name="scores"/> (B, K): exp(scores / ε), rescaled <paramref name="iterations"/>
    /// times so that each prototype's column sums to B / K and each image's row to 1. No gradient.
    /// </summary>
    public static Tensor Codes(Tensor scores, double epsilon = 0.05, int iterations = 3)
    {
        using var _ = no_grad();
        using var inverseEpsilon = (1 / epsilon).ToScalar();
        var (images, prototypes) = (scores.shape[0], scores.shape[1]);
        using var perPrototype = ((double)images / prototypes).ToScalar();
        // Shifted by the largest score before exp: the same codes after normalisation, without overflow.
        var codes = scores.sub(scores.max()).mul_(inverseEpsilon).exp_();
        codes.div_(codes.sum());
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            codes.div_(codes.sum(0, keepdim: true)).mul_(perPrototype);
            codes.div_(codes.sum(1, keepdim: true));
        }
        return codes;
    }
}
