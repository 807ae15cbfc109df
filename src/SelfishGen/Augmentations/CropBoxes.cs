using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;

namespace SelfishGen.Augmentations;

/// <summary>
/// One rectangle per sample (float64 CPU tensors of shape N, in pixels); <see cref="Found"/> is false where no
/// try fitted inside the image.
/// </summary>
internal readonly record struct CropBoxes(Tensor Top, Tensor Left, Tensor Height, Tensor Width, Tensor Found)
{
    private const int Tries = 10;

    /// <summary>
    /// Draws, per sample, up to ten rectangles with area a fraction in [<paramref name="scale"/>] of the image and
    /// aspect ratio (width / height) log-uniform in [<paramref name="ratio"/>]; keeps the first that fits and places it
    /// uniformly inside the image.
    /// </summary>
    public static CropBoxes Sample(
        long count, long imageHeight, long imageWidth, (double Min, double Max) scale, (double Min, double Max) ratio,
        Generator random)
    {
        using var imageArea = (imageHeight * imageWidth).ToScalar();
        using var rows = imageHeight.ToScalar();
        using var columns = imageWidth.ToScalar();
        var area = Draw.Uniform([count, Tries], scale.Min, scale.Max, random).mul(imageArea);
        var aspect = Draw.Uniform([count, Tries], Math.Log(ratio.Min), Math.Log(ratio.Max), random).exp();
        var width = (area * aspect).sqrt().round();
        var height = (area / aspect).sqrt().round();
        var fits = width.gt(Zero) & width.le(columns) & height.gt(Zero) & height.le(rows);
        var first = fits.to(int64).argmax(1, keepdim: true);
        var (chosenHeight, chosenWidth) = (height.gather(1, first).squeeze(1), width.gather(1, first).squeeze(1));
        var found = fits.any(1);
        chosenHeight = where(found, chosenHeight, zeros_like(chosenHeight));
        chosenWidth = where(found, chosenWidth, zeros_like(chosenWidth));
        using var topPlaces = (imageHeight + 1).ToScalar();
        using var leftPlaces = (imageWidth + 1).ToScalar();
        var top = Draw.Uniform(count, 0, 1, random).mul(chosenHeight.SubtractedFrom(topPlaces)).floor();
        var left = Draw.Uniform(count, 0, 1, random).mul(chosenWidth.SubtractedFrom(leftPlaces)).floor();
        return new CropBoxes(top, left, chosenHeight, chosenWidth, found);
    }

    /// <summary>An N×1×H×W mask that is true inside each sample's rectangle, on <paramref name="device"/>.</summary>
    public Tensor Mask(long imageHeight, long imageWidth, Device device)
    {
        var rows = Range(imageHeight, float64).view(1, -1);
        var columns = Range(imageWidth, float64).view(1, -1);
        var insideRows = (rows >= Top.view(-1, 1)) & (rows < Top.Plus(Height).view(-1, 1));
        var insideColumns = (columns >= Left.view(-1, 1)) & (columns < Left.Plus(Width).view(-1, 1));
        return (insideRows.unsqueeze(2) & insideColumns.unsqueeze(1)).unsqueeze(1).to(device);
    }
}
