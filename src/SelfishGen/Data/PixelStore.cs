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
    /// <remarks>
    /// The bytes are copied straight into tensor memory: no managed array per batch, so a loader thread gathering
    /// batches does not use up the no-collection budget of the step it runs beside.
    /// </remarks>
    public torch.Tensor Gather(ReadOnlySpan<int> indices)
    {
        using var scope = torch.NewDisposeScope();
        var bytes = torch.empty(Shape.WithBatch(indices.Length), torch.uint8);
        var target = bytes.bytes;
        var size = Shape.Channels * Shape.Height * Shape.Width;
        for (var n = 0; n < indices.Length; n++)
            _images[indices[n]].CopyTo(target.Slice(n * size, size));
        return bytes.to(torch.float32).div_(Hosting.Scalars.MaxByte).MoveToOuterDisposeScope();
    }
}
