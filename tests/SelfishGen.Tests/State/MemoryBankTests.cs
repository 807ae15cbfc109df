using SelfishGen.Objectives;
using SelfishGen.State;

namespace SelfishGen.Tests.State;

public sealed class MemoryBankTests
{
    [Fact]
    public void It_starts_with_random_unit_entries()
    {
        using var scope = NewDisposeScope();
        var bank = new MemoryBank(10, 4, new Generator(1));

        Assert.True(allclose(bank.Entries.norm(1), ones(10)));
    }

    [Fact]
    public void An_update_mixes_old_and_new_and_renormalises_only_the_given_rows()
    {
        using var scope = NewDisposeScope();
        var bank = new MemoryBank(4, 2, new Generator(2));
        bank.Update(tensor(new long[] { 1, 3 }), tensor(new float[,] { { 1, 0 }, { 0, 1 } }), momentum: 0);
        var untouched = bank.Entries[tensor(new long[] { 0, 2 })].clone();

        bank.Update(tensor(new long[] { 1, 3 }), tensor(new float[,] { { 0, 5 }, { 3, 0 } }), momentum: 0.75);

        var s = (float)(1 / Math.Sqrt(0.75 * 0.75 + 0.25 * 0.25));
        Assert.True(allclose(bank[tensor(new long[] { 1, 3 })], tensor(new[,] { { 0.75f * s, 0.25f * s }, { 0.25f * s, 0.75f * s } })));
        TensorAssert.Identical(bank.Entries[tensor(new long[] { 0, 2 })], untouched);
    }

    [Fact]
    public void A_two_view_update_takes_the_mean_direction_of_both_views_whatever_their_lengths()
    {
        using var scope = NewDisposeScope();
        var bank = new MemoryBank(3, 2, new Generator(3));

        bank.Update(tensor(new long[] { 2 }), tensor(new float[,] { { 2, 0 } }), tensor(new float[,] { { 0, 7 } }), momentum: 0);

        var half = (float)Math.Sqrt(0.5);
        Assert.True(allclose(bank[tensor(new long[] { 2 })], tensor(new[,] { { half, half } })));
    }

    [Fact]
    public void Negatives_are_distinct_entries_of_the_bank_at_most_the_whole_bank()
    {
        using var scope = NewDisposeScope();
        var bank = new MemoryBank(50, 3, new Generator(3));

        var (some, someEntries) = bank.SampleNegatives(20, new Generator(4));
        var (all, _) = bank.SampleNegatives(4000, new Generator(4));

        Assert.Equal(20, some.unique().Item1.shape[0]);
        TensorAssert.Identical(someEntries, bank.Entries.index_select(0, some));
        Assert.Equal(50, all.shape[0]);
        TensorAssert.Identical(all.sort().Values, arange(50));
    }

    [Fact]
    public void The_same_generator_state_draws_the_same_negatives()
    {
        using var scope = NewDisposeScope();
        var bank = new MemoryBank(50, 3, new Generator(5));

        TensorAssert.Identical(bank.SampleNegatives(8, new Generator(6)).Indices, bank.SampleNegatives(8, new Generator(6)).Indices);
    }

    [Fact]
    public void A_query_never_meets_its_own_entry_among_its_negatives()
    {
        using var scope = NewDisposeScope();
        const int count = 6;
        var bank = new MemoryBank(count, count, new Generator(7));
        bank.Update(arange(count), eye(count), momentum: 0);
        var indices = tensor(new long[] { 0, 4, 2 });
        var queries = eye(count)[indices];
        const double temperature = 0.5;

        // Every entry is drawn; each query's positive is its own one-hot entry, its negatives the other five.
        var loss = new MemoryBankContrast(temperature, negatives: 1000).Loss(queries, bank, indices, new Generator(8));

        var expected = -Math.Log(Math.Exp(1 / temperature) / (Math.Exp(1 / temperature) + (count - 1) * Math.Exp(0)));
        Assert.Equal(expected, loss.ToDouble(), 5);
    }

    [Fact]
    public void Save_then_load_restores_the_entries_exactly()
    {
        using var scope = NewDisposeScope();
        var saved = new MemoryBank(8, 3, new Generator(7));
        saved.Update(tensor(new long[] { 2, 5 }), randn(2, 3), momentum: 0.5);
        var restored = new MemoryBank(8, 3, new Generator(8));

        SavedModule.CopyThroughFile(saved, restored);

        TensorAssert.Identical(saved.Entries, restored.Entries);
    }
}
