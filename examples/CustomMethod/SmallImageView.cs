using SelfishGen.Augmentations;
using SelfishGen.Data;
using static TorchSharp.torch;

namespace CustomMethod;

/// <summary>
/// A view pipeline of our own for small images, composed of the library's augmentations: a crop of 30–100 % of the
/// image resized back to its size, a flip, brightness / contrast / saturation / hue jitter (p 0.8), a little noise.
/// Declared per view: <c>[Views(typeof(SmallImageView), typeof(SmallImageView))]</c>.
/// </summary>
public sealed class SmallImageView(ImageShape shape) : IAugmentation
{
    private readonly Compose _pipeline = new(
        new RandomResizedCrop((0.3, 1), outputSize: (shape.Height, shape.Width)),
        new HorizontalFlip(),
        new RandomApply(0.8, new ColorJitter(0.4, 0.4, 0.4, 0.1)),
        new GaussianNoise(0.02));

    /// <inheritdoc />
    public Tensor Apply(Tensor images, Generator random) => _pipeline.Apply(images, random);
}
