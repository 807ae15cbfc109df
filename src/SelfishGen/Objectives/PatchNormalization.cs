using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;

namespace SelfishGen.Objectives;

/// <summary>
/// Normalises images patch by patch: each <c>patch</c>×<c>patch</c> square (smaller at the right and bottom edges when
/// the side does not divide the image) to mean 0 and unit variance across its pixels and channels, the targets of
/// MAE's normalised-pixel loss (He et al., 2022). Flat patches keep a floor under their variance.
/// </summary>
public static class PatchNormalization
{
    private static readonly Scalar VarianceFloor = 1e-4.ToScalar();

    /// <summary>Images (N, C, H, W) with each patch normalised; the same shape.</summary>
    public static Tensor Normalize(Tensor images, int patch)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(patch, 1);
        using var scope = NewDisposeScope();
        long height = images.shape[2], width = images.shape[3];
        var count = Spread(PatchSums(ones(1, images.shape[1], height, width, images.dtype, images.device), patch), patch, height, width);
        var sum = Spread(PatchSums(images, patch), patch, height, width);
        var squares = Spread(PatchSums(images.pow(Two), patch), patch, height, width);
        var mean = sum / count;
        var variance = ((squares - sum * mean) / count.Plus(MinusOne).clamp_min(One)).clamp_min(Zero);
        return ((images - mean) / variance.Plus(VarianceFloor).sqrt()).MoveToOuterDisposeScope();
    }

    /// <summary>Per patch, the sum over its pixels and channels, (N, 1, ⌈H/patch⌉, ⌈W/patch⌉).</summary>
    private static Tensor PatchSums(Tensor images, int patch) =>
        nn.functional.avg_pool2d(images.sum(1, keepdim: true), patch, stride: patch, ceil_mode: true, divisor_override: 1);

    /// <summary>Each patch's value repeated over its pixels, cropped to (H, W).</summary>
    private static Tensor Spread(Tensor perPatch, int patch, long height, long width) =>
        perPatch.repeat_interleave(patch, 2).repeat_interleave(patch, 3)[.., .., ..(int)height, ..(int)width];
}
