using static TorchSharp.torch;

namespace SelfishGen.Augmentations;

/// <summary>
/// Random brightness, contrast and saturation factors uniform in [max(0, 1 − x), 1 + x] and a hue shift uniform in
/// ±hue, drawn per sample. The four run in a fixed order (brightness, contrast, saturation, hue), unlike
/// torchvision's random order per call; a zero strength skips its operation.
/// </summary>
public sealed class ColorJitter(double brightness, double contrast, double saturation, double hue) : IAugmentation
{
    private readonly Compose _operations = new(
        [
            .. Factor(brightness, (low, high) => new Brightness(low, high)),
            .. Factor(contrast, (low, high) => new Contrast(low, high)),
            .. Factor(saturation, (low, high) => new Saturation(low, high)),
            .. hue > 0 ? [new Hue(hue)] : Array.Empty<IAugmentation>(),
        ]);

    /// <inheritdoc />
    public Tensor Apply(Tensor images, Generator random) => _operations.Apply(images, random);

    private static IAugmentation[] Factor(double strength, Func<double, double, IAugmentation> create) =>
        strength > 0 ? [create(Math.Max(0, 1 - strength), 1 + strength)] : [];
}
