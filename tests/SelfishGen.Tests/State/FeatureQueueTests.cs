using SelfishGen.State;

namespace SelfishGen.Tests.State;

public sealed class FeatureQueueTests
{
    private static Tensor UnitRows(Tensor rows) => nn.functional.normalize(rows, dim: 1);

    [Fact]
    public void It_starts_with_random_unit_keys_at_row_zero()
    {
        using var scope = NewDisposeScope();
        var queue = new FeatureQueue(16, 4, new Generator(5));

        Assert.True(allclose(queue.Keys.norm(1), ones(16)));
        Assert.Equal(0, queue.Pointer);
    }

    [Fact]
    public void Batches_that_do_not_divide_the_size_wrap_around()
    {
        using var scope = NewDisposeScope();
        var queue = new FeatureQueue(5, 2, new Generator(6));
        var keys = stack(Enumerable.Range(0, 6).Select(i => tensor(new float[] { i + 1, 1 })).ToList());

        for (var batch = 0; batch < 3; batch++) queue.Enqueue(keys[(2 * batch)..(2 * batch + 2)]);

        var expected = UnitRows(cat([keys[5..6], keys[1..5]], 0));
        Assert.True(allclose(queue.Keys, expected));
        Assert.Equal(1, queue.Pointer);
    }

    [Fact]
    public void Any_sequence_of_batch_sizes_matches_enqueuing_one_key_at_a_time()
    {
        using var scope = NewDisposeScope();
        const int size = 7;
        var queue = new FeatureQueue(size, 3, new Generator(7));
        var reference = queue.Keys.clone();
        var pointer = 0;
        var random = new Generator(8);
        foreach (var batchSize in new[] { 3, 5, 7, 1, 16, 2, 9 })
        {
            var keys = randn([batchSize, 3], generator: random);
            queue.Enqueue(keys);
            for (var i = 0; i < batchSize; i++)
            {
                reference[pointer] = UnitRows(keys[i..(i + 1)])[0];
                pointer = (pointer + 1) % size;
            }
            Assert.True(allclose(queue.Keys, reference), $"after a batch of {batchSize}");
            Assert.Equal(pointer, queue.Pointer);
        }
    }

    [Fact]
    public void Enqueued_keys_are_stored_without_gradient()
    {
        using var scope = NewDisposeScope();
        var queue = new FeatureQueue(4, 2, new Generator(9));

        queue.Enqueue(randn([2, 2], requires_grad: true));

        Assert.False(queue.Keys.requires_grad);
    }

    [Fact]
    public void Save_then_load_restores_keys_and_pointer_exactly()
    {
        using var scope = NewDisposeScope();
        var saved = new FeatureQueue(6, 3, new Generator(10));
        saved.Enqueue(randn([4, 3], generator: new Generator(11)));
        var restored = new FeatureQueue(6, 3, new Generator(12));

        SavedModule.CopyThroughFile(saved, restored);

        TensorAssert.Identical(saved.Keys, restored.Keys);
        Assert.Equal(4, restored.Pointer);
    }
}
