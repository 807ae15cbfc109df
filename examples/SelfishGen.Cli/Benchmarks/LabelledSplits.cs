using SelfishGen.Data;

namespace SelfishGen.Cli.Benchmarks;

/// <summary>A labelled training split (pre-training, kNN bank, linear probe) and a labelled test split.</summary>
/// <param name="Name">What the data is, for reports.</param>
/// <param name="Train">Pre-training images (labels unused there) and the kNN / probe training set.</param>
/// <param name="Test">Where accuracies are measured.</param>
public sealed record LabelledSplits(string Name, IImageDataset Train, IImageDataset Test)
{
    /// <summary>
    /// Opens <paramref name="data"/> (<see cref="DataLocation.Of"/>): its own train and test splits when it has them
    /// (<c>fashion-mnist</c>, <c>cifar10</c>, a folder with <c>train</c> and <c>test</c>), else any labelled dataset
    /// split 80 / 20, stratified, by <paramref name="seed"/>.
    /// </summary>
    public static LabelledSplits Open(string data, string? cifar10, int? imageSize, int seed)
    {
        var location = DataLocation.Of(data, cifar10);
        if (location.Test is { } ownTest)
            return new(location.Name, location.Train.Open(imageSize), ownTest.Open(imageSize));
        var all = location.Train.Open(imageSize);
        if (all.ClassNames.Count == 0)
            throw new ArgumentException($"'{location.Name}' is unlabelled: the quality benchmark needs class sub-folders or labelled IDX files.");
        var (train, test) = DatasetSplit.Split(all, 0.2, seed);
        return new(location.Name, train, test);
    }

    /// <summary>At most <paramref name="count"/> images of <paramref name="dataset"/>, a seeded random choice; all when null.</summary>
    public static IImageDataset Limit(IImageDataset dataset, int? count, int seed) =>
        count is { } n ? DatasetSplit.Sample(dataset, n, seed) : dataset;
}
