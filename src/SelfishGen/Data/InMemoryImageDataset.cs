namespace SelfishGen.Data;

/// <summary>A dataset whose images are held in memory as uint8 pixels and turned into floats batch by batch.</summary>
public abstract class InMemoryImageDataset : IImageDataset
{
    private readonly IPixelSource _pixels;
    private readonly int[]? _labels;

    private protected InMemoryImageDataset(IPixelSource pixels, int[]? labels, IReadOnlyList<string> classNames)
    {
        if (labels is not null)
        {
            if (labels.Length != pixels.Count)
                throw new ArgumentException($"{labels.Length} labels for {pixels.Count} images.");
            var outside = Array.FindIndex(labels, label => label < 0 || label >= classNames.Count);
            if (outside >= 0)
                throw new ArgumentException(
                    $"Label {labels[outside]} of image {outside} has no class name ({classNames.Count} given).");
        }
        _pixels = pixels;
        _labels = labels;
        ClassNames = labels is null ? [] : classNames;
    }

    /// <inheritdoc />
    public int Count => _pixels.Count;

    /// <inheritdoc />
    public ImageShape Shape => _pixels.Shape;

    /// <inheritdoc />
    public IReadOnlyList<string> ClassNames { get; }

    /// <inheritdoc />
    public int Label(int index) => _labels?[index] ?? -1;

    /// <inheritdoc />
    public torch.Tensor LoadImages(ReadOnlySpan<int> indices) => _pixels.Gather(indices);
}
