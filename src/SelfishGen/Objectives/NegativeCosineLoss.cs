using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;

namespace SelfishGen.Objectives;

/// <summary>
/// Bootstrap regression (BYOL, SimSiam): each prediction p regresses onto its target z with z's gradient stopped,
/// scored per <see cref="Form"/> (BYOL: 2 − 2·cos(p, z); SimSiam: −½·cos(p, z)) and averaged over the batch.
/// </summary>
public sealed class NegativeCosineLoss(BootstrapLossForm form = BootstrapLossForm.Byol)
{
    /// <summary>How a pair is scored.</summary>
    public BootstrapLossForm Form { get; } = form;

    /// <summary>The loss of predictions <paramref name="predictions"/> (B, D) regressing onto <paramref name="targets"/> (B, D), detached.</summary>
    public Tensor Loss(Tensor predictions, Tensor targets)
    {
        using var cosines = nn.functional.cosine_similarity(predictions, targets.detach(), dim: 1);
        using var mean = cosines.mean();
        return Form == BootstrapLossForm.Byol ? mean.mul(Two).SubtractedFrom(Two) : mean.mul(MinusOneHalf);
    }

    /// <summary>
    /// The symmetrised loss of two views: each view's prediction regresses onto the other view's target,
    /// Loss(p₁, z₂) + Loss(p₂, z₁) (BYOL: in [0, 8]; SimSiam: in [−1, 1]).
    /// </summary>
    public Tensor Symmetric(Tensor predictions1, Tensor targets1, Tensor predictions2, Tensor targets2) =>
        Loss(predictions1, targets2).Plus(Loss(predictions2, targets1));
}
