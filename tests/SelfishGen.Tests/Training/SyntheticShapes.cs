using SelfishGen.Data;

namespace SelfishGen.Tests.Training;

/// <summary>
/// Small images with an upright structure (a bright bar at the top, a darker blob lower left), so that rotations can
/// be told apart; labelled by which of two bar widths is drawn.
/// </summary>
internal sealed class SyntheticShapes : IImageDataset
{
    private readonly Tensor _images;
    private readonly int[] _labels;

    public SyntheticShapes(int count, int size = 16, int channels = 1, int seed = 0)
    {
        var random = new Random(seed);
        var pixels = new float[count * channels * size * size];
        _labels = new int[count];
        for (var n = 0; n < count; n++)
        {
            _labels[n] = n % 2;
            var barWidth = _labels[n] == 0 ? size / 2 : size - 2;
            var top = random.Next(0, 3);
            var blob = random.Next(size / 2, size - 3);
            for (var c = 0; c < channels; c++)
            for (var y = 0; y < size; y++)
            for (var x = 0; x < size; x++)
            {
                var value = (float)(0.1 * random.NextDouble());
                if (y >= top && y < top + 2 && x < barWidth) value = 1f;
                if (y >= blob && y < blob + 3 && x < 4) value = 0.5f;
                pixels[((n * channels + c) * size + y) * size + x] = value;
            }
        }
        _images = tensor(pixels, [count, channels, size, size]);
        Shape = new ImageShape(channels, size, size);
    }

    public int Count => _labels.Length;
    public ImageShape Shape { get; }
    public IReadOnlyList<string> ClassNames => ["half bar", "full bar"];
    public int Label(int index) => _labels[index];

    public Tensor LoadImages(ReadOnlySpan<int> indices) =>
        _images.index_select(0, tensor(indices.ToArray().Select(i => (long)i).ToArray()));
}
