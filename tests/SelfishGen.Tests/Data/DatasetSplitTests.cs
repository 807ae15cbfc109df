using SelfishGen.Data;

namespace SelfishGen.Tests.Data;

public class DatasetSplitTests
{
    [Fact]
    public void A_split_of_the_sample_has_every_class_in_both_halves_and_is_disjoint()
    {
        var sample = BundledSample.FashionMnist();

        var (train, test) = DatasetSplit.Split(sample, 0.2, seed: 7);

        Assert.Equal(8000, train.Count);
        Assert.Equal(2000, test.Count);
        Assert.Empty(train.Indices.Intersect(test.Indices));
        Assert.All(Enumerable.Range(0, 10), c => Assert.Equal(200, Enumerable.Range(0, test.Count).Count(i => test.Label(i) == c)));
        Assert.All(Enumerable.Range(0, 10), c => Assert.Equal(800, Enumerable.Range(0, train.Count).Count(i => train.Label(i) == c)));
    }

    [Fact]
    public void The_same_seed_gives_the_same_split_and_another_seed_another()
    {
        var sample = BundledSample.FashionMnist();

        var first = DatasetSplit.Split(sample, 0.1, seed: 3).Test.Indices;

        Assert.Equal(first, DatasetSplit.Split(sample, 0.1, seed: 3).Test.Indices);
        Assert.NotEqual(first, DatasetSplit.Split(sample, 0.1, seed: 4).Test.Indices);
    }

    [Fact]
    public void A_small_class_still_appears_in_both_halves_of_an_unbalanced_split()
    {
        using var scope = NewDisposeScope();
        using var dataset = TensorDataset.Create(zeros([12, 1, 1, 1]), tensor(new long[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1 }));

        var (train, test) = DatasetSplit.Split(dataset, 0.1, seed: 0);

        Assert.Contains(1, Enumerable.Range(0, train.Count).Select(train.Label));
        Assert.Contains(1, Enumerable.Range(0, test.Count).Select(test.Label));
    }

    [Fact]
    public void A_subset_loads_the_source_images_it_maps_to()
    {
        using var scope = NewDisposeScope();
        using var dataset = TensorDataset.Create(arange(4, ScalarType.Byte).reshape(4, 1, 1, 1), tensor(new long[] { 0, 1, 2, 3 }));

        var subset = new SubsetDataset(dataset, [3, 1]);

        Assert.Equal(2, subset.Count);
        Assert.Equal(1, subset.Label(1));
        Assert.Equal([1f / 255, 3f / 255], subset.LoadImages([1, 0]).data<float>().ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => new SubsetDataset(dataset, [4]));
    }
}
