namespace SelfishGen.Data;

/// <summary>Images given as a tensor (N, C, H, W): uint8 in 0..255, or float in [0, 1]; optionally labelled.</summary>
/// <remarks>The dataset keeps its own copy of the images on the CPU; dispose it to free that copy.</remarks>
public sealed class TensorDataset : InMemoryImageDataset, IDisposable
{
    private readonly TensorPixels _pixels;

    private TensorDataset(TensorPixels pixels, int[]? labels, IReadOnlyList<string> classNames)
        : base(pixels, labels, classNames) => _pixels = pixels;

    /// <summary>Creates a dataset of copies of <paramref name="images"/> and <paramref name="labels"/>.</summary>
    /// <param name="images">(N, C, H, W), uint8 (0..255) or floating point (0..1).</param>
    /// <param name="labels">Integer labels (N), from 0; null for unlabelled images.</param>
    /// <param name="classNames">Class names by label; when null, "0", "1", … up to the largest label.</param>
    public static TensorDataset Create(torch.Tensor images, torch.Tensor? labels = null, IReadOnlyList<string>? classNames = null)
    {
        using var scope = torch.NewDisposeScope();
        if (images.dim() != 4)
            throw new ArgumentException($"Images must be (N, C, H, W); got shape ({string.Join(", ", images.shape)}).", nameof(images));
        if (images.dtype != torch.uint8 && !images.is_floating_point())
            throw new ArgumentException($"Images must be uint8 (0..255) or floating point (0..1); got {images.dtype}.", nameof(images));
        if (images.is_floating_point() && images.numel() > 0
                                       && (images.min().item<float>() < 0f || images.max().item<float>() > 1f))
            throw new ArgumentException("Floating-point images must be in [0, 1]: divide 0..255 values by 255.", nameof(images));
        if (labels is not null && (labels.dim() != 1 || labels.is_floating_point()))
            throw new ArgumentException("Labels must be a 1-D integer tensor (N).", nameof(labels));

        var labelValues = labels?.cpu().to(torch.int32).data<int>().ToArray();
        var copy = images.detach().to(images.dtype == torch.uint8 ? torch.uint8 : torch.float32, torch.CPU, copy: true)
            .MoveToOuterDisposeScope();
        var pixels = new TensorPixels(copy);
        var names = classNames ?? StandardClassNames.Numbered(labelValues is { Length: > 0 } ? labelValues.Max() + 1 : 0);
        try
        {
            return new TensorDataset(pixels, labelValues, names);
        }
        catch
        {
            copy.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _pixels.Images.Dispose();

    private sealed class TensorPixels(torch.Tensor images) : IPixelSource
    {
        public torch.Tensor Images { get; } = images;

        public int Count => (int)Images.shape[0];

        public ImageShape Shape => new((int)Images.shape[1], (int)Images.shape[2], (int)Images.shape[3]);

        public torch.Tensor Gather(ReadOnlySpan<int> indices)
        {
            using var scope = torch.NewDisposeScope();
            var index = torch.tensor(indices.ToArray().Select(i => (long)i).ToArray(), torch.int64);
            var picked = Images.index_select(0, index);
            var floats = picked.dtype == torch.uint8 ? picked.to(torch.float32).div_(Hosting.Scalars.MaxByte) : picked;
            return floats.MoveToOuterDisposeScope();
        }
    }
}
