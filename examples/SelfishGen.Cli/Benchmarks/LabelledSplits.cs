using SelfishGen.Data;

namespace SelfishGen.Cli.Benchmarks;

/// <summary>A labelled training split (pre-training, kNN bank, linear probe) and a labelled test split.</summary>
/// <param name="Name">What the data is, for reports.</param>
/// <param name="Train">Pre-training images (labels unused there) and the kNN / probe training set.</param>
/// <param name="Test">Where accuracies are measured.</param>
public sealed record LabelledSplits(string Name, IImageDataset Train, IImageDataset Test)
{
    /// <summary>Debian's <c>dataset-fashion-mnist</c> package folder.</summary>
    public const string FashionMnistFolder = "/usr/share/datasets/fashion-mnist";

    /// <summary>
    /// Opens <paramref name="data"/>: <c>fashion-mnist</c> (60k / 10k), <c>cifar10</c> (50k / 10k, from
    /// <paramref name="cifar10"/> or the places <see cref="Cifar10Archive.Locate"/> searches), a <c>.tar.gz</c> of
    /// CIFAR-10 JPEGs, a folder with <c>train</c> and <c>test</c> sub-folders, or any labelled dataset
    /// <see cref="Datasets.Open"/> reads (split 80 / 20, stratified, by <paramref name="seed"/>).
    /// </summary>
    public static LabelledSplits Open(string data, string? cifar10, int? imageSize, int seed)
    {
        if (string.Equals(data, "fashion-mnist", StringComparison.OrdinalIgnoreCase))
            return new(data, IdxDataset.Open(FashionMnistFolder, "train"), IdxDataset.Open(FashionMnistFolder, "test"));
        if (string.Equals(data, "cifar10", StringComparison.OrdinalIgnoreCase))
            data = Cifar10Archive.Locate(cifar10);
        else if (data.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase))
            data = Cifar10Archive.Extract(data);
        if (Directory.Exists(Path.Combine(data, "train")) && Directory.Exists(Path.Combine(data, "test")))
            return new(data, Datasets.Open(Path.Combine(data, "train"), imageSize), Datasets.Open(Path.Combine(data, "test"), imageSize));
        var all = Datasets.Open(data, imageSize);
        if (all.ClassNames.Count == 0)
            throw new ArgumentException($"'{data}' is unlabelled: the quality benchmark needs class sub-folders or labelled IDX files.");
        var (train, test) = DatasetSplit.Split(all, 0.2, seed);
        return new(data, train, test);
    }

    /// <summary>At most <paramref name="count"/> images of <paramref name="dataset"/>, a seeded random choice; all when null.</summary>
    public static IImageDataset Limit(IImageDataset dataset, int? count, int seed) =>
        count is { } n ? DatasetSplit.Sample(dataset, n, seed) : dataset;
}
