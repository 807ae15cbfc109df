using SelfishGen.Data;

namespace SelfishGen.Tests.Evaluation;

/// <summary>A labelled dataset held as one image tensor (N, C, H, W), for tests.</summary>
internal sealed class InMemoryImageDataset : IImageDataset, IDisposable
{
    private readonly Tensor _images;
    private readonly long[] _labels;

    public InMemoryImageDataset(Tensor images, long[] labels)
    {
        _images = images.detach().clone().DetachFromDisposeScope();
        _labels = labels;
        Shape = new ImageShape((int)images.shape[1], (int)images.shape[2], (int)images.shape[3]);
        ClassNames = Enumerable.Range(0, (int)labels.Max() + 1).Select(c => $"class {c}").ToArray();
    }

    /// <summary>
    /// <paramref name="count"/> images of <paramref name="classes"/> classes (label = index mod classes): each class's
    /// images are one random pattern (the same for the same <paramref name="patternSeed"/>) plus a little noise.
    /// </summary>
    public static InMemoryImageDataset Clustered(int count, int classes, ImageShape shape, int patternSeed, int noiseSeed)
    {
        using var scope = NewDisposeScope();
        using var patternRandom = new Generator((ulong)patternSeed);
        using var noiseRandom = new Generator((ulong)noiseSeed);
        var labels = Enumerable.Range(0, count).Select(i => (long)(i % classes)).ToArray();
        var patterns = rand(shape.WithBatch(classes), generator: patternRandom);
        var noise = 0.05 * randn(shape.WithBatch(count), generator: noiseRandom);
        return new InMemoryImageDataset((patterns[tensor(labels)] + noise).clamp(0, 1), labels);
    }

    public int Count => _labels.Length;

    public ImageShape Shape { get; }

    public IReadOnlyList<string> ClassNames { get; }

    public int Label(int index) => (int)_labels[index];

    public Tensor LoadImages(ReadOnlySpan<int> indices) =>
        _images.index_select(0, tensor(indices.ToArray().Select(i => (long)i).ToArray()));

    public void Dispose() => _images.Dispose();
}
