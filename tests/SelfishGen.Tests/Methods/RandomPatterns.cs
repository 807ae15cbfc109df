using SelfishGen.Data;

namespace SelfishGen.Tests.Methods;

/// <summary>
/// Distinct smooth images: each is random noise on a coarse grid (4×4 cells), blown up bilinearly to the image size, so two augmented views of
/// one image still share its coarse layout while different images differ (what instance discrimination needs).
/// </summary>
internal sealed class RandomPatterns : IImageDataset
{
    private readonly Tensor _images;

    public RandomPatterns(int count, int size = 16, int channels = 1, int seed = 3, int cells = 4)
    {
        using var random = new Generator((ulong)seed);
        using var coarse = rand([count, channels, cells, cells], generator: random);
        _images = nn.functional.interpolate(coarse, [size, size], mode: InterpolationMode.Bilinear, align_corners: false);
        Shape = new ImageShape(channels, size, size);
    }

    public int Count => (int)_images.shape[0];
    public ImageShape Shape { get; }
    public IReadOnlyList<string> ClassNames => [];
    public int Label(int index) => -1;

    public Tensor LoadImages(ReadOnlySpan<int> indices) =>
        _images.index_select(0, tensor(indices.ToArray().Select(i => (long)i).ToArray()));
}
