namespace SelfishGen.Data;

/// <summary>Splits a dataset into disjoint training and test subsets.</summary>
public static class DatasetSplit
{
    /// <summary>
    /// Puts a seeded random <paramref name="testFraction"/> of the images in the test subset and the rest in the
    /// training subset. A labelled dataset is split class by class, so each class keeps its share in both subsets
    /// (every class with at least two images appears in both). Each subset keeps the source's order.
    /// </summary>
    public static (SubsetDataset Train, SubsetDataset Test) Split(IImageDataset dataset, double testFraction, int seed)
    {
        if (testFraction is <= 0 or >= 1 || double.IsNaN(testFraction))
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "The test fraction must be between 0 and 1 (exclusive).");
        var random = new Random(seed);
        var test = new List<int>();
        foreach (var group in Enumerable.Range(0, dataset.Count).GroupBy(dataset.Label).OrderBy(g => g.Key))
        {
            var members = group.ToArray();
            random.Shuffle(members);
            var share = (int)Math.Round(testFraction * members.Length);
            if (members.Length >= 2)
                share = Math.Clamp(share, 1, members.Length - 1);
            test.AddRange(members.Take(share));
        }
        var inTest = test.ToHashSet();
        return (new SubsetDataset(dataset, Enumerable.Range(0, dataset.Count).Where(i => !inTest.Contains(i))),
            new SubsetDataset(dataset, inTest.Order()));
    }

    /// <summary>
    /// At most <paramref name="count"/> images of <paramref name="dataset"/>, a seeded random choice kept in the source's
    /// order; the dataset itself when it has no more than <paramref name="count"/> images.
    /// </summary>
    public static IImageDataset Sample(IImageDataset dataset, int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count >= dataset.Count)
            return dataset;
        var order = Enumerable.Range(0, dataset.Count).ToArray();
        new Random(seed).Shuffle(order);
        return new SubsetDataset(dataset, order.Take(count).Order());
    }
}
