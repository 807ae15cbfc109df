using System.Collections.Concurrent;
using SelfishGen.Data;

namespace SelfishGen.Tests.Data;

public class DataLoaderTests
{
    private static readonly IImageDataset Sample = BundledSample.FashionMnist();

    [Fact]
    public void The_same_seed_gives_the_same_order_and_each_epoch_its_own()
    {
        var loader = new DataLoader(Sample, batchSize: 100, seed: 5);

        var first = Indices(loader.Epoch(0));

        Assert.Equal(first, Indices(new DataLoader(Sample, batchSize: 100, seed: 5).Epoch(0)));
        Assert.Equal(Enumerable.Range(0, Sample.Count), first.Order());
        Assert.NotEqual(first, Indices(loader.Epoch(1)));
        Assert.NotEqual(first, Indices(new DataLoader(Sample, batchSize: 100, seed: 6).Epoch(0)));
    }

    [Fact]
    public void Shards_split_every_batch_of_the_same_order_into_disjoint_parts()
    {
        var whole = Batches(new DataLoader(Sample, batchSize: 96, seed: 5).Epoch(2));
        var parts = Enumerable.Range(0, 3)
            .Select(part => Batches(new DataLoader(Sample, batchSize: 96, seed: 5, shard: new BatchShard(part, 3)).Epoch(2)))
            .ToList();

        Assert.Equal(Sample.Count / 96, whole.Count);
        Assert.All(parts, batches => Assert.All(batches, batch => Assert.Equal(32, batch.Length)));
        for (var b = 0; b < whole.Count; b++)
            Assert.Equal(whole[b], parts.SelectMany(batches => batches[b]));
    }

    [Fact]
    public void A_batch_that_does_not_split_evenly_over_the_shards_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new DataLoader(Sample, batchSize: 100, shard: new BatchShard(0, 3)));

        Assert.Contains("multiple of 3", error.Message);
    }

    [Fact]
    public void Resuming_with_skip_gives_exactly_the_remaining_batches()
    {
        var loader = new DataLoader(DatasetSplit.Split(Sample, 0.5, seed: 1).Train, batchSize: 64, seed: 2, dropLast: false);

        var all = Indices(loader.Epoch(3));
        var resumed = Indices(loader.Epoch(3, skip: 5));

        Assert.Equal(all.Skip(5 * 64), resumed);
    }

    [Theory]
    [InlineData(true, new[] { 4, 4 })]
    [InlineData(false, new[] { 4, 4, 2 })]
    public void The_last_smaller_batch_is_dropped_only_when_asked(bool dropLast, int[] sizes)
    {
        using var scope = NewDisposeScope();
        using var dataset = TensorDataset.Create(zeros([10, 1, 2, 2]), arange(10));
        var loader = new DataLoader(dataset, batchSize: 4, dropLast: dropLast);

        var seen = loader.Epoch(0).Select(batch =>
        {
            using (batch)
                return batch.Size;
        }).ToArray();

        Assert.Equal(sizes, seen);
        Assert.Equal(sizes.Length, loader.BatchesPerEpoch);
    }

    [Fact]
    public void Breaking_early_stops_loading_and_disposes_every_batch_not_handed_out()
    {
        var recording = new RecordingDataset(Sample);
        var loader = new DataLoader(recording, batchSize: 10, prefetch: 2);

        foreach (var batch in loader.Epoch(0))
        {
            Assert.Equal(torch.float32, batch.Images.dtype);
            Assert.Equal([10L, 1, 28, 28], batch.Images.shape);
            batch.Dispose();
            break;
        }
        var loaded = recording.Loaded.Count;
        Thread.Sleep(100);

        Assert.Equal(loaded, recording.Loaded.Count);
        Assert.InRange(loaded, 1, 4); // the one handed out, the prefetched ones and one in preparation
        Assert.All(recording.Loaded, images => Assert.True(images.IsInvalid));
    }

    [Fact]
    public void The_loader_thread_runs_libtorch_on_one_thread_and_leaves_the_training_thread_its_threads()
    {
        // A loader thread with a libtorch thread team of its own made the training step's OpenMP threads sleep between
        // operations instead of spinning (more team threads than CPUs); PyTorch's loader workers run on one thread too.
        var training = torch.get_num_threads();
        var recording = new RecordingDataset(Sample);

        foreach (var batch in new DataLoader(recording, batchSize: 1000).Epoch(0))
            batch.Dispose();

        Assert.Equal(Sample.Count / 1000, recording.ThreadCounts.Count);
        Assert.All(recording.ThreadCounts, count => Assert.Equal(1, count));
        Assert.Equal(training, torch.get_num_threads());
    }

    private static int[] Indices(IEnumerable<Batch> batches) => [.. Batches(batches).SelectMany(batch => batch)];

    // The dataset indices of each batch.
    private static List<int[]> Batches(IEnumerable<Batch> batches) =>
        [.. batches.Select(batch =>
        {
            using (batch)
                return batch.Indices.data<long>().ToArray().Select(i => (int)i).ToArray();
        })];

    /// <summary>Keeps every image tensor it hands out, to check that each is disposed.</summary>
    private sealed class RecordingDataset(IImageDataset inner) : IImageDataset
    {
        public ConcurrentQueue<torch.Tensor> Loaded { get; } = new();
        public ConcurrentQueue<int> ThreadCounts { get; } = new(); // libtorch's threads where each batch was loaded
        public int Count => inner.Count;
        public ImageShape Shape => inner.Shape;
        public IReadOnlyList<string> ClassNames => inner.ClassNames;
        public int Label(int index) => inner.Label(index);

        public torch.Tensor LoadImages(ReadOnlySpan<int> indices)
        {
            var images = inner.LoadImages(indices);
            Loaded.Enqueue(images);
            ThreadCounts.Enqueue(torch.get_num_threads());
            return images;
        }
    }
}
