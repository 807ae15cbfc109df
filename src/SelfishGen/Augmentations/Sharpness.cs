using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace SelfishGen.Augmentations;

/// <summary>
/// Scales sharpness: a blend with a smoothed image (3×3 kernel [1 1 1; 1 5 1; 1 1 1] / 13, border pixels kept)
/// by a per-sample factor in [min, max]; factors below 1 blur, above 1 sharpen.
/// </summary>
public sealed class Sharpness(double minFactor, double maxFactor) : FactorBlend(minFactor, maxFactor)
{
    private static readonly Scalar KernelSum = 13.ToScalar();

    /// <inheritdoc />
    protected override Tensor Target(Tensor images)
    {
        var (count, channels, height, width) = (images.shape[0], images.shape[1], images.shape[2], images.shape[3]);
        if (height < 3 || width < 3)
            return images;
        var kernel = tensor(new float[] { 1, 1, 1, 1, 5, 1, 1, 1, 1 }, images.dtype, images.device).view(1, 1, 3, 3).div(KernelSum);
        var inner = conv2d(images.reshape(count * channels, 1, height, width), kernel)
            .view(count, channels, height - 2, width - 2);
        var smoothed = images.clone();
        smoothed.narrow(2, 1, height - 2).narrow(3, 1, width - 2).copy_(inner);
        return smoothed;
    }
}
