using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace SelfishGen.Augmentations;

/// <summary>Batched affine resampling with one matrix per sample (zeros outside the source image).</summary>
internal static class AffineWarp
{
    /// <summary>
    /// Resamples <paramref name="images"/> to <paramref name="height"/>×<paramref name="width"/>; <paramref name="theta"/>
    /// (N×2×3) maps output to input coordinates normalised to [−1, 1] across pixel edges.
    /// </summary>
    public static Tensor Resample(Tensor images, Tensor theta, long height, long width, GridSampleMode mode)
    {
        var grid = affine_grid(theta.to(images.dtype, images.device), [images.shape[0], images.shape[1], height, width]);
        return grid_sample(images, grid, mode, GridSamplePaddingMode.Zeros, align_corners: false).clamp(Zero, One);
    }

    /// <summary>
    /// Resamples at the same size with a map given in pixels about the image centre (x right, y down):
    /// input = <paramref name="linear"/> (N×2×2) · output + <paramref name="shift"/> (N×2).
    /// </summary>
    public static Tensor InPixels(Tensor images, Tensor linear, Tensor shift, GridSampleMode mode)
    {
        var (height, width) = (images.shape[2], images.shape[3]);
        var aspect = (double)height / width;
        var normalisedLinear = linear * tensor(new[,] { { 1, aspect }, { 1 / aspect, 1 } }, float64);
        var normalisedShift = shift * tensor(new[] { 2.0 / width, 2.0 / height }, float64);
        var theta = cat([normalisedLinear, normalisedShift.unsqueeze(-1)], -1);
        return Resample(images, theta, height, width, mode);
    }

    /// <summary>Stacks per-sample entries (each of shape N) into N×2×2 matrices [[a, b], [c, d]].</summary>
    public static Tensor Matrices(Tensor a, Tensor b, Tensor c, Tensor d) => stack([a, b, c, d], 1).view(-1, 2, 2);
}
