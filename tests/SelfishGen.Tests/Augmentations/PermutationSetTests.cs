using SelfishGen.Augmentations;

namespace SelfishGen.Tests.Augmentations;

public class PermutationSetTests
{
    private static IEnumerable<int> PairwiseDistances(IReadOnlyList<IReadOnlyList<int>> rows) =>
        from i in Enumerable.Range(0, rows.Count)
        from j in Enumerable.Range(i + 1, rows.Count - i - 1)
        select PermutationSet.Hamming(rows[i], rows[j]);

    private static IReadOnlyList<int>[] Rows(PermutationSet set) =>
        Enumerable.Range(0, set.Count).Select(i => set[i]).ToArray();

    [Fact]
    public void All_of_four_are_24_distinct_in_lexicographic_order()
    {
        var set = PermutationSet.All(4);
        var keys = Rows(set).Select(row => string.Join("", row)).ToArray();
        Assert.Equal(24, keys.Distinct().Count());
        Assert.Equal("0123", keys[0]);
        Assert.Equal("0132", keys[1]);
        Assert.Equal("3210", keys[^1]);
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        using var scope = NewDisposeScope();
        Assert.Equal(new long[] { 24, 4 }, set.ToTensor().shape);
    }

    [Fact]
    public void Max_hamming_rows_are_distinct_far_apart_and_seeded()
    {
        var set = PermutationSet.MaxHamming(9, 30, seed: 5);
        var rows = Rows(set);
        Assert.Equal(30, rows.Select(row => string.Join("", row)).Distinct().Count());
        Assert.All(rows, row => Assert.Equal(Enumerable.Range(0, 9), row.Order()));
        Assert.Equal(9, PermutationSet.Hamming(rows[0], rows[1]));

        var random = new Random(5);
        var shuffled = Enumerable.Range(0, 30).Select(_ =>
        {
            var row = Enumerable.Range(0, 9).ToArray();
            random.Shuffle(row);
            return (IReadOnlyList<int>)row;
        }).ToArray();
        Assert.True(PairwiseDistances(rows).Min() >= PairwiseDistances(shuffled).Min());
        Assert.True(PairwiseDistances(rows).Average() > PairwiseDistances(shuffled).Average());

        Assert.Equal(rows, Rows(PermutationSet.MaxHamming(9, 30, seed: 5)));
        Assert.NotEqual(rows, Rows(PermutationSet.MaxHamming(9, 30, seed: 6)));
    }

    [Fact]
    public void Max_hamming_selects_a_hundred_of_nine_quickly()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(100, PermutationSet.MaxHamming(9, 100, seed: 0).Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
    }
}
