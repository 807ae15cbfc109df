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
    public void Sampled_negatives_never_contain_the_sample_itself_and_cover_all_others()
    {
        using var scope = NewDisposeScope();
        const int count = 5;
        var bank = new MemoryBank(count, count, new Generator(3));
        bank.Update(arange(count), eye(count), momentum: 0);
        var indices = tensor(new long[] { 0, 4, 2, 2, 1, 3 });

        var negatives = bank.SampleNegatives(indices, 4000, new Generator(4));

        Assert.Equal([6, 4000, count], negatives.shape);
        var drawn = negatives.argmax(2);
        Assert.False(drawn.eq(indices.unsqueeze(1)).any().ToBoolean());
        var frequencies = nn.functional.one_hot(drawn, count).sum(1).to(float32) / 4000;
        var expected = (1 - nn.functional.one_hot(indices, count).to(float32)) / (count - 1);
        Assert.True(allclose(frequencies, expected, atol: 0.04));
    }

    [Fact]
    public void The_same_generator_state_draws_the_same_negatives()
    {
        using var scope = NewDisposeScope();
        var bank = new MemoryBank(50, 3, new Generator(5));
        var indices = tensor(new long[] { 1, 2 });

        TensorAssert.Identical(bank.SampleNegatives(indices, 8, new Generator(6)), bank.SampleNegatives(indices, 8, new Generator(6)));
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
