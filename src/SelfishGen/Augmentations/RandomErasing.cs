using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;

namespace SelfishGen.Augmentations;

/// <summary>
/// Sets <see cref="Count"/> rectangles per image to black ("set black"), each present with probability
/// <see cref="Probability"/>. A rectangle's area is a fraction uniform in <see cref="Scale"/> of the image and its
/// aspect ratio log-uniform in <see cref="Ratio"/>; it is skipped when none of ten tries fits. Rectangles may overlap.
/// </summary>
public sealed class RandomErasing(
    double probability = 1,
    (double Min, double Max)? scale = null,
    (double Min, double Max)? ratio = null,
    int count = 1) : IAugmentation
{
    /// <summary>Chance that each rectangle is erased.</summary>
    public double Probability { get; } = probability;

    /// <summary>Range of a rectangle's area as a fraction of the image; default 0.02 to 0.33.</summary>
    public (double Min, double Max) Scale { get; } = scale ?? (0.02, 0.33);

    /// <summary>Range of a rectangle's aspect ratio; default 0.3 to 3.3.</summary>
    public (double Min, double Max) Ratio { get; } = ratio ?? (0.3, 3.3);

    /// <summary>How many rectangles are tried per image.</summary>
    public int Count { get; } = count;

    /// <inheritdoc />
    public Tensor Apply(Tensor images, Generator random)
    {
        var (samples, height, width) = (images.shape[0], images.shape[2], images.shape[3]);
        for (var block = 0; block < Count; block++)
        {
            var present = Draw.Coin(samples, Probability, random).to(images.device).view(-1, 1, 1, 1);
            var boxes = CropBoxes.Sample(samples, height, width, Scale, Ratio, random);
            images = images.masked_fill(boxes.Mask(height, width, images.device) & present, Zero);
        }
        return images;
    }
}
