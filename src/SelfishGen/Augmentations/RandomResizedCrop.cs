using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;

namespace SelfishGen.Augmentations;

/// <summary>
/// Crops a random rectangle from each image and resizes it to <see cref="OutputSize"/> (default: the input size).
/// The rectangle's area is a fraction of the image uniform in <see cref="Scale"/> and its aspect ratio
/// (width / height) is log-uniform in <see cref="Ratio"/>; after ten tries that do not fit, the crop is the
/// largest centred rectangle with the ratio clamped to <see cref="Ratio"/>. Resampling is bilinear by default
/// (TorchSharp's grid sampling offers nearest and bilinear; BYOL's original used bicubic).
/// </summary>
public sealed class RandomResizedCrop(
    (double Min, double Max) scale,
    (double Min, double Max)? ratio = null,
    (int Height, int Width)? outputSize = null,
    GridSampleMode interpolation = GridSampleMode.Bilinear) : IAugmentation
{
    /// <summary>Range of the crop's area as a fraction of the image area.</summary>
    public (double Min, double Max) Scale { get; } = scale;

    /// <summary>Range of the crop's aspect ratio (width / height); default 3/4 to 4/3.</summary>
    public (double Min, double Max) Ratio { get; } = ratio ?? (3.0 / 4, 4.0 / 3);

    /// <summary>Output height and width; null keeps the input size.</summary>
    public (int Height, int Width)? OutputSize { get; } = outputSize;

    /// <inheritdoc />
    public Tensor Apply(Tensor images, Generator random)
    {
        var (count, height, width) = (images.shape[0], images.shape[2], images.shape[3]);
        var boxes = CropBoxes.Sample(count, height, width, Scale, Ratio, random);
        var fallback = CentredFallback(height, width);
        var boxHeight = where(boxes.Found, boxes.Height, fallback.Height);
        var boxWidth = where(boxes.Found, boxes.Width, fallback.Width);
        using var rows = height.ToScalar();
        using var columns = width.ToScalar();
        using var perRow = (2.0 / height).ToScalar();
        using var perColumn = (2.0 / width).ToScalar();
        var top = where(boxes.Found, boxes.Top, fallback.Height.SubtractedFrom(rows).div(Two).floor());
        var left = where(boxes.Found, boxes.Left, fallback.Width.SubtractedFrom(columns).div(Two).floor());
        var zero = zeros(count, float64);
        var theta = stack(
            [
                boxWidth.div(columns), zero, left.Plus(boxWidth.div(Two)).mul(perColumn).sub(One),
                zero, boxHeight.div(rows), top.Plus(boxHeight.div(Two)).mul(perRow).sub(One),
            ],
            1).view(-1, 2, 3);
        var (outHeight, outWidth) = OutputSize ?? ((int)height, (int)width);
        return AffineWarp.Resample(images, theta, outHeight, outWidth, interpolation);
    }

    private (Tensor Height, Tensor Width) CentredFallback(long height, long width)
    {
        var imageRatio = (double)width / height;
        var (fallbackHeight, fallbackWidth) = imageRatio < Ratio.Min ? (Math.Round(width / Ratio.Min), (double)width)
            : imageRatio > Ratio.Max ? ((double)height, Math.Round(height * Ratio.Max))
            : ((double)height, (double)width);
        return (tensor(fallbackHeight, float64), tensor(fallbackWidth, float64));
    }
}
