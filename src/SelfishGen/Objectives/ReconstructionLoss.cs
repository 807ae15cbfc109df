using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;

namespace SelfishGen.Objectives;

/// <summary>
/// Mean squared error between reconstructions and targets; with a mask, pixels inside it weigh 1 and pixels outside
/// weigh <see cref="OutsideWeight"/> (the context encoder scores only the erased region: weight 0 outside).
/// </summary>
public sealed class ReconstructionLoss(double outsideWeight = 0)
{
    /// <summary>Weight of the pixels outside the mask, in [0, 1].</summary>
    public double OutsideWeight { get; } = outsideWeight;

    private static readonly Scalar Tiny = 1e-12.ToScalar();
    private readonly Scalar _outsideWeight = outsideWeight.ToScalar();

    /// <summary>Mean squared error over every value of <paramref name="reconstruction"/> and <paramref name="target"/> (N, C, H, W).</summary>
    public Tensor Loss(Tensor reconstruction, Tensor target) => nn.functional.mse_loss(reconstruction, target);

    /// <summary>
    /// The weighted mean squared error: Σ w·(r − t)² / (C·Σ w), with w = 1 where <paramref name="mask"/> (N, 1, H, W)
    /// is 1 and <see cref="OutsideWeight"/> where it is 0; 0 when every weight is 0.
    /// </summary>
    public Tensor Loss(Tensor reconstruction, Tensor target, Tensor mask)
    {
        using var channels = reconstruction.shape[1].ToScalar();
        var weights = mask.Plus(mask.SubtractedFrom(One).mul(_outsideWeight));
        var squared = (reconstruction - target).pow(Two) * weights;
        var total = weights.sum().mul(channels);
        return squared.sum() / total.clamp_min(Tiny);
    }
}
