using System.Collections.Concurrent;

namespace SelfishGen.Data;

/// <summary>
/// Splits a dataset into mini-batches, in an order shuffled with a seed (the same seed and epoch give the same order),
/// and prepares the next batches on a background thread while the current one trains. In a data-parallel run each
/// process loads its <see cref="BatchShard"/> of every batch: the order is the same in every process.
/// </summary>
public sealed class DataLoader
{
    private readonly IImageDataset _dataset;

    /// <summary>Creates a loader.</summary>
    /// <param name="dataset">The images.</param>
    /// <param name="batchSize">Images per batch.</param>
    /// <param name="shuffle">Shuffle the order every epoch (seeded by <paramref name="seed"/> and the epoch).</param>
    /// <param name="seed">Seed of the order.</param>
    /// <param name="dropLast">Skip the last batch when it is smaller than <paramref name="batchSize"/>.</param>
    /// <param name="prefetch">How many batches to prepare ahead of the one being used (at least 1).</param>
    /// <param name="shard">The part of every batch this process loads; the whole batch when null.</param>
    public DataLoader(IImageDataset dataset, int batchSize, bool shuffle = true, int seed = 0, bool dropLast = true, int prefetch = 1, BatchShard? shard = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        if (shard is not null && (batchSize % shard.Count != 0 || !dropLast))
            throw new ArgumentException(
                $"A batch of {batchSize} images cannot be split evenly over {shard.Count} processes: use a batch size that is a multiple of {shard.Count}.");
        _dataset = dataset;
        BatchSize = batchSize;
        Shuffle = shuffle;
        Seed = seed;
        DropLast = dropLast;
        Prefetch = Math.Max(1, prefetch);
        Shard = shard;
        if (BatchesPerEpoch == 0)
            throw new ArgumentException(
                $"The dataset has {dataset.Count} images, fewer than one batch of {batchSize}: use a smaller batch size or more images.");
    }

    /// <summary>Images per batch.</summary>
    public int BatchSize { get; }

    /// <summary>Whether each epoch has its own seeded order.</summary>
    public bool Shuffle { get; }

    /// <summary>Seed of the order.</summary>
    public int Seed { get; }

    /// <summary>Whether a last, smaller batch is skipped.</summary>
    public bool DropLast { get; }

    /// <summary>Batches prepared ahead.</summary>
    public int Prefetch { get; }

    /// <summary>The part of every batch this loader loads; null for the whole batch.</summary>
    public BatchShard? Shard { get; }

    /// <summary>Batches in one epoch.</summary>
    public int BatchesPerEpoch => DropLast ? _dataset.Count / BatchSize : (_dataset.Count + BatchSize - 1) / BatchSize;

    /// <summary>The order of the dataset's indices in <paramref name="epoch"/>.</summary>
    public int[] Order(int epoch)
    {
        var order = Enumerable.Range(0, _dataset.Count).ToArray();
        if (Shuffle)
            new Random(SeedSequence.Derive(Seed, epoch)).Shuffle(order);
        return order;
    }

    /// <summary>
    /// The batches of <paramref name="epoch"/>, starting after the first <paramref name="skip"/> (to resume mid-epoch).
    /// Each batch is owned by the caller. Stopping the enumeration early stops the background work.
    /// </summary>
    public IEnumerable<Batch> Epoch(int epoch, int skip = 0)
    {
        var order = Order(epoch);
        using var queue = new BlockingCollection<Batch>(Prefetch);
        using var stop = new CancellationTokenSource();
        var producer = Task.Factory.StartNew(
            () => Produce(order, skip, queue, stop.Token), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            foreach (var batch in queue.GetConsumingEnumerable())
                yield return batch;
            producer.GetAwaiter().GetResult(); // surfaces a loading error
        }
        finally
        {
            stop.Cancel();
            try { producer.Wait(); } catch (AggregateException) { }
            while (queue.TryTake(out var left))
                left.Dispose();
        }
    }

    private void Produce(int[] order, int skip, BlockingCollection<Batch> queue, CancellationToken stop)
    {
        try
        {
            Hosting.IntraOpThreads.SerialOnThisThread();
            for (var b = skip; b < BatchesPerEpoch && !stop.IsCancellationRequested; b++)
            {
                var batch = order.AsSpan(b * BatchSize, Math.Min(BatchSize, order.Length - b * BatchSize));
                var indices = (Shard is null ? batch : batch[Shard.Rows(BatchSize)]).ToArray();
                var loaded = Load(indices);
                try
                {
                    queue.Add(loaded, stop);
                }
                catch (OperationCanceledException)
                {
                    loaded.Dispose();
                }
            }
        }
        finally
        {
            queue.CompleteAdding();
        }
    }

    private Batch Load(int[] indices)
    {
        var labels = indices.Select(i => (long)_dataset.Label(i)).ToArray();
        return new Batch(
            _dataset.LoadImages(indices),
            torch.tensor(labels, torch.int64),
            torch.tensor(indices.Select(i => (long)i).ToArray(), torch.int64));
    }
}
