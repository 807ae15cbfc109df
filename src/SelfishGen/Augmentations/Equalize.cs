using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;

namespace SelfishGen.Augmentations;

/// <summary>
/// Histogram equalisation of each channel of each image over 256 levels, following PIL: a level's output is its
/// count of darker pixels divided by step = (pixels − count of the brightest level) / 255 (rounded down), so the
/// used levels spread over the whole range; a channel with step 0 is unchanged.
/// </summary>
public sealed class Equalize : IAugmentation
{
    /// <inheritdoc />
    public Tensor Apply(Tensor images, Generator random)
    {
        var pixels = images.shape[2] * images.shape[3];
        var levels = Levels.From(images).reshape(-1, pixels);
        var histogram = zeros(levels.shape[0], 256, int64, images.device).scatter_add(1, levels, ones_like(levels));
        var brightest = (histogram.gt(Zero).to(int64) * Range(256, int64, images.device)).argmax(1, keepdim: true);
        using var pixelCount = pixels.ToScalar();
        var step = histogram.gather(1, brightest).SubtractedFrom(pixelCount).div(MaxByte, RoundingMode.floor);
        var darker = histogram.cumsum(1) - histogram;
        var table = darker.Plus(step.div(Two, RoundingMode.floor)).div(step.clamp_min(One), RoundingMode.floor).clamp_max(MaxByte);
        var equalised = where(step.gt(Zero), table.gather(1, levels), levels);
        return Levels.To(equalised, images).view_as(images);
    }
}
