using SelfishGen.Data;

namespace SelfishGen.Tests.Methods;

/// <summary>
/// Colour images: rectangles of four saturated colours (each with its own lightness) on a dark grey background, so
/// that lightness tells the colour and colour tells the lightness.
/// </summary>
internal sealed class ColorfulShapes : IImageDataset
{
    private static readonly float[][] Palette = [[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 0]];
    private readonly Tensor _images;

    public ColorfulShapes(int count, int size = 16, int seed = 0)
    {
        var random = new Random(seed);
        var pixels = new float[count * 3 * size * size];
        for (var n = 0; n < count; n++)
        {
            Array.Fill(pixels, 0.2f, n * 3 * size * size, 3 * size * size);
            for (var shape = 0; shape < 3; shape++)
            {
                var colour = Palette[random.Next(Palette.Length)];
                var (top, left) = (random.Next(size - 4), random.Next(size - 4));
                var (height, width) = (random.Next(3, size - top), random.Next(3, size - left));
                for (var c = 0; c < 3; c++)
                for (var y = top; y < top + height; y++)
                for (var x = left; x < left + width; x++)
                    pixels[((n * 3 + c) * size + y) * size + x] = colour[c];
            }
        }
        _images = tensor(pixels, [count, 3, size, size]);
        Count = count;
        Shape = new ImageShape(3, size, size);
    }

    public int Count { get; }
    public ImageShape Shape { get; }
    public IReadOnlyList<string> ClassNames => [];
    public int Label(int index) => -1;

    public Tensor LoadImages(ReadOnlySpan<int> indices) =>
        _images.index_select(0, tensor(indices.ToArray().Select(i => (long)i).ToArray()));
}
