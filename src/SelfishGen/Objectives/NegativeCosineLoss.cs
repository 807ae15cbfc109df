using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;

namespace SelfishGen.Objectives;

/// <summary>
/// Bootstrap regression (BYOL, SimSiam): 2 − 2·cos(p, sg(z)), averaged over the batch, where sg stops the gradient
/// into the target z. It equals ‖p/‖p‖ − z/‖z‖‖², in [0, 4].
/// </summary>
public sealed class NegativeCosineLoss
{
    /// <summary>The loss of predictions <paramref name="predictions"/> (B, D) regressing onto <paramref name="targets"/> (B, D), detached.</summary>
    public Tensor Loss(Tensor predictions, Tensor targets) =>
        nn.functional.cosine_similarity(predictions, targets.detach(), dim: 1).mul(Two).SubtractedFrom(Two).mean();

    /// <summary>
    /// The symmetrised loss of two views: each view's prediction regresses onto the other view's target,
    /// Loss(p₁, z₂) + Loss(p₂, z₁), in [0, 8].
    /// </summary>
    public Tensor Symmetric(Tensor predictions1, Tensor targets1, Tensor predictions2, Tensor targets2) =>
        Loss(predictions1, targets2).Plus(Loss(predictions2, targets1));
}
