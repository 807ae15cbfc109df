namespace SelfishGen.Data;

/// <summary>Some images of another dataset, chosen by index; image i of the subset is image Indices[i] of the source.</summary>
public sealed class SubsetDataset : IImageDataset
{
    private readonly int[] _indices;

    /// <summary>Creates the subset of <paramref name="source"/> at <paramref name="indices"/>.</summary>
    public SubsetDataset(IImageDataset source, IEnumerable<int> indices)
    {
        _indices = indices.ToArray();
        var outside = Array.FindIndex(_indices, i => i < 0 || i >= source.Count);
        if (outside >= 0)
            throw new ArgumentOutOfRangeException(nameof(indices), _indices[outside],
                $"Index {_indices[outside]} is outside the source dataset of {source.Count} images.");
        Source = source;
    }

    /// <summary>The dataset the images come from.</summary>
    public IImageDataset Source { get; }

    /// <summary>The source index of each image of the subset.</summary>
    public IReadOnlyList<int> Indices => _indices;

    /// <inheritdoc />
    public int Count => _indices.Length;

    /// <inheritdoc />
    public ImageShape Shape => Source.Shape;

    /// <inheritdoc />
    public IReadOnlyList<string> ClassNames => Source.ClassNames;

    /// <inheritdoc />
    public int Label(int index) => Source.Label(_indices[index]);

    /// <inheritdoc />
    public torch.Tensor LoadImages(ReadOnlySpan<int> indices)
    {
        var mapped = new int[indices.Length];
        for (var i = 0; i < indices.Length; i++)
            mapped[i] = _indices[indices[i]];
        return Source.LoadImages(mapped);
    }
}
