namespace SelfishGen.Data;

/// <summary>
/// Images kept in memory as uint8 planes (C, H, W), one array per image, so the store is not bounded by the size of
/// one array.
/// </summary>
internal sealed class PixelStore : IPixelSource
{
    private readonly byte[][] _images;

    /// <summary>Wraps <paramref name="images"/>, each of <see cref="ImageShape"/> size in CHW order.</summary>
    public PixelStore(ImageShape shape, byte[][] images)
    {
        var size = shape.Channels * shape.Height * shape.Width;
        var wrong = Array.FindIndex(images, image => image.Length != size);
        if (wrong >= 0)
            throw new ArgumentException($"Image {wrong} has {images[wrong].Length} bytes, expected {size} for {shape}.");
        Shape = shape;
        _images = images;
    }

    /// <summary>Shape of every image.</summary>
    public ImageShape Shape { get; }

    /// <summary>Number of images.</summary>
    public int Count => _images.Length;

    /// <summary>The images at <paramref name="indices"/> as a float32 tensor (N, C, H, W) in [0, 1].</summary>
    public torch.Tensor Gather(ReadOnlySpan<int> indices)
    {
        var size = _images.Length == 0 ? 0 : _images[0].Length;
        var values = new float[indices.Length * size];
        for (var n = 0; n < indices.Length; n++)
        {
            var image = _images[indices[n]];
            var offset = n * size;
            for (var j = 0; j < size; j++)
                values[offset + j] = image[j] / 255f;
        }
        return torch.tensor(values, Shape.WithBatch(indices.Length));
    }
}
