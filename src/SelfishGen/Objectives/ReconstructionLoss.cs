using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;

namespace SelfishGen.Objectives;

/// <summary>
/// Mean squared error between reconstructions and targets; with a mask, pixels inside it weigh 1 and pixels outside
/// weigh <see cref="OutsideWeight"/> (the context encoder scores only the erased region: weight 0 outside). Without a
/// mask the targets may be normalised patch by patch first (<see cref="NormalizedPatch"/>).
/// </summary>
public sealed class ReconstructionLoss(double outsideWeight = 0, int normalizedPatch = 0)
{
    /// <summary>Weight of the pixels outside the mask, in [0, 1].</summary>
    public double OutsideWeight { get; } = outsideWeight;

    /// <summary>
    /// Side of the patches the unmasked loss normalises its targets over (<see cref="PatchNormalization"/>); 0 compares
    /// with the targets as they are.
    /// </summary>
    public int NormalizedPatch { get; } = normalizedPatch;

    private static readonly Scalar Tiny = 1e-12.ToScalar();
    private readonly Scalar _outsideWeight = outsideWeight.ToScalar();

    /// <summary>
    /// Mean squared error over every value of <paramref name="reconstruction"/> and <paramref name="target"/> (N, C, H,
    /// W), the target normalised patch by patch first when <see cref="NormalizedPatch"/> is above 0.
    /// </summary>
    public Tensor Loss(Tensor reconstruction, Tensor target)
    {
        if (NormalizedPatch == 0)
            return nn.functional.mse_loss(reconstruction, target);
        using var normalized = PatchNormalization.Normalize(target, NormalizedPatch);
        return nn.functional.mse_loss(reconstruction, normalized);
    }

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
