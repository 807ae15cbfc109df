using static TorchSharp.torch;

namespace SelfishGen.Cli.Benchmarks;

/// <summary>Principal component analysis, for 2-D pictures of feature spaces.</summary>
public static class Pca
{
    /// <summary>The rows of <paramref name="features"/> (N, D) projected on their first two principal axes, (N, 2).</summary>
    public static Tensor Project2D(Tensor features)
    {
        using var scope = NewDisposeScope();
        var centred = features.to(float64) - features.to(float64).mean([0], keepdim: true);
        var (_, _, vh) = linalg.svd(centred, fullMatrices: false);
        return centred.matmul(vh[..2].t()).to(float32).MoveToOuterDisposeScope();
    }
}
