using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;

namespace SelfishGen.Objectives;

/// <summary>
/// Per-pixel cross-entropy (SplitBrain's objective). Logits come at feature-map resolution (N, K, h, w); targets are
/// full-resolution class maps (N, H, W), which are sampled at the centre of each logit cell's H/h × W/w block, so the
/// cost does not grow with K·H·W. Equal sizes use the targets as they are.
/// </summary>
public sealed class PixelClassificationLoss
{
    /// <summary>Mean cross-entropy of <paramref name="logits"/> (N, K, h, w) against <paramref name="targets"/> (N, H, W).</summary>
    public Tensor Loss(Tensor logits, Tensor targets) =>
        nn.functional.cross_entropy(logits, Resample(targets, logits.shape[2], logits.shape[3]));

    /// <summary>The classes at the centres of a <paramref name="height"/>×<paramref name="width"/> grid of blocks of <paramref name="targets"/>.</summary>
    public static Tensor Resample(Tensor targets, long height, long width)
    {
        if (targets.shape[1] == height && targets.shape[2] == width)
            return targets;
        return targets.index_select(1, Centres(targets.shape[1], height, targets.device))
            .index_select(2, Centres(targets.shape[2], width, targets.device));
    }

    private static Tensor Centres(long size, long cells, Device device)
    {
        using var pixels = size.ToScalar();
        using var blocks = cells.ToScalar();
        using var last = (size - 1).ToScalar();
        return Range(cells, float64).Plus(OneHalf).mul(pixels).div(blocks).floor().clamp(Zero, last).to(int64, device);
    }
}
