using System.Runtime.ExceptionServices;
using System.Text;
using System.Text.Json;
using SelfishGen.Data;
using SelfishGen.Modules;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SelfishGen.Distributed;

/// <summary>
/// The data-parallel side of one training run, what <see cref="SelfSupervisedMethod.Supervise"/> calls at a few
/// points: the ranks agree on settings and start from rank 0's weights, load their part of every batch, see the
/// whole batch in objectives (<see cref="CrossRank"/>) and augmentations (<see cref="SampleRows"/>), average their
/// gradients in a few flat buckets, and stop together. With one process every call is (nearly) free.
/// </summary>
/// <remarks>
/// Stopping together: before each step the ranks exchange a status (a loading error, a cancellation, the end of the
/// epoch), so that a bad image or Ctrl+C on one rank stops every rank at the same step, where rank 0 can save a
/// checkpoint. A failure the other ranks cannot know of (in the middle of a step, where they wait in a collective)
/// ends the whole run at once from <see cref="Run"/> (<see cref="ICommunicator.Abort"/>), before this rank runs
/// any finally block: no checkpoint is written from a state the ranks do not share.
/// </remarks>
internal sealed class DataParallel
{
    private const int MessageBytes = 4096;
    private const long BucketElements = 1L << 22;
    private static readonly TimeSpan AbortGrace = TimeSpan.FromMilliseconds(500);
    private readonly bool _syncBatchNorm;

    public DataParallel(ICommunicator world, bool syncBatchNorm)
    {
        World = world;
        _syncBatchNorm = syncBatchNorm;
    }

    /// <summary>The run of one process.</summary>
    public static DataParallel Alone { get; } = new(SingleProcessCommunicator.Instance, syncBatchNorm: false);

    public ICommunicator World { get; }

    public bool IsDistributed => World.Size > 1;

    /// <summary>Whether this rank writes checkpoints and reports progress: rank 0.</summary>
    public bool IsLeader => World.Rank == 0;

    /// <summary>This rank's part of every batch; null with one process.</summary>
    public BatchShard? Shard => IsDistributed ? new BatchShard(World.Rank, World.Size) : null;

    /// <summary>Images of a step over all ranks, for a step of <paramref name="localRows"/> on this rank.</summary>
    public int GlobalRows(int localRows) => localRows * World.Size;

    /// <summary>
    /// Runs <paramref name="steps"/>; an exception that the other ranks did not agree on ends every rank at once
    /// (from the exception filter: this rank's finally blocks do not run, so it saves nothing).
    /// </summary>
    public void Run(Action steps)
    {
        try
        {
            steps();
        }
        catch (Exception error) when (IsDistributed && !Communicators.StoppedEveryRank(error) && StopEveryRank(error))
        {
            throw; // not reached: the filter ends the process
        }
    }

    /// <summary>Runs <paramref name="start"/> on every rank; when it fails on any rank, every rank throws.</summary>
    public T Agree<T>(Func<T> start)
    {
        if (!IsDistributed)
            return start();
        try
        {
            var result = start();
            Exchange(null, cancelled: false, hasBatch: true);
            return result;
        }
        catch (Exception error) when (!Communicators.StoppedEveryRank(error))
        {
            Exchange(error, cancelled: false, hasBatch: true);
            throw; // not reached: the exchange rethrows
        }
    }

    /// <summary>
    /// Checks that every rank trains <paramref name="method"/> on the same data with the same settings, then
    /// overwrites every parameter and buffer with rank 0's and checks that they are now the same everywhere.
    /// </summary>
    public void Synchronise(SelfSupervisedMethod method, IImageDataset dataset, TrainingSetup setup)
    {
        if (!IsDistributed)
            return;
        var all = GatherText(Settings(method, dataset, setup));
        var others = Enumerable.Range(1, World.Size - 1).Where(rank => all[rank] != all[0]).ToList();
        if (others.Count > 0)
            StopAgreed($"Every rank must run with the same settings; rank 0 runs {all[0]}, " +
                       string.Join("; ", others.Select(rank => $"rank {rank} runs {all[rank]}")) + ". Start every rank with the same arguments.");
        InBuckets(StateTensors(method).ToList(), flat => World.Broadcast(flat));
        var digests = GatherText(Convert.ToHexString(ModuleDigest.Of(method)));
        if (digests.Distinct().Count() > 1)
            StopAgreed("The ranks' weights differ after the broadcast from rank 0.");
    }

    /// <summary>
    /// The batches of <paramref name="batches"/>, each handed out only once every rank has one: a loading error or a
    /// cancellation on any rank stops every rank before the same step.
    /// </summary>
    public IEnumerable<Batch> Steps(IEnumerable<Batch> batches, CancellationToken cancellation)
    {
        using var source = batches.GetEnumerator();
        while (true)
        {
            Exception? error = null;
            var hasBatch = false;
            try
            {
                hasBatch = source.MoveNext();
            }
            catch (Exception loading) when (IsDistributed)
            {
                error = loading;
            }
            var batch = hasBatch ? source.Current : null;
            try
            {
                if (IsDistributed)
                    Exchange(error, cancellation.IsCancellationRequested, hasBatch);
                else
                    cancellation.ThrowIfCancellationRequested();
            }
            catch
            {
                batch?.Dispose();
                throw;
            }
            if (batch is null)
                yield break;
            yield return batch;
        }
    }

    /// <summary>Makes the ranks and this rank's rows of the batch (<paramref name="localRows"/>) visible to objectives and augmentations until disposed.</summary>
    public IDisposable EnterStep(long localRows)
    {
        var ranks = CrossRank.Enter(World);
        var rows = SampleRows.Enter(IsDistributed ? SampleRows.Shard(localRows, World.Rank, World.Size) : null);
        return new Scopes(rows, ranks);
    }

    /// <summary>Synchronises the batch-norm layers of <paramref name="model"/> while the returned scope lives, when asked for and distributed.</summary>
    public IDisposable SyncBatchNorm(nn.Module model) =>
        _syncBatchNorm && IsDistributed ? Distributed.SyncBatchNorm.Attach(model) : new Scopes();

    /// <summary>
    /// Replaces the gradients of <paramref name="parameters"/> by their mean over the ranks, in flat buckets; with
    /// <paramref name="batchNormOf"/>, also the running statistics of its batch-norm layers, which then stay the same
    /// on every rank (synchronised layers have the same statistics already; per-rank statistics, without
    /// synchronisation or in MoCo's groups, are averaged).
    /// </summary>
    public void AverageGradients(IEnumerable<Parameter> parameters, nn.Module? batchNormOf = null)
    {
        if (!IsDistributed)
            return;
        var tensors = parameters.Where(p => p.requires_grad && p.grad is not null).Select(p => p.grad!).ToList();
        if (batchNormOf is not null)
            tensors.AddRange(batchNormOf.modules().OfType<BatchNorm>().SelectMany(RunningStatistics));
        using var ranks = World.Size.ToScalar();
        InBuckets(tensors, flat =>
        {
            World.AllReduce(flat);
            flat.div_(ranks);
        });
    }

    /// <summary>
    /// <paramref name="error"/>, marked as one every rank stops with when the ranks decided it from the same values
    /// (a loss averaged over the ranks, averaged gradients), so that each ends normally.
    /// </summary>
    public T Agreed<T>(T error) where T : Exception
    {
        if (IsDistributed)
            Communicators.MarkSharedStop(error);
        return error;
    }

    /// <summary>The mean of <paramref name="value"/> over the ranks (a step's loss).</summary>
    public float Mean(float value)
    {
        if (!IsDistributed)
            return value;
        using var sum = tensor(new[] { (double)value });
        World.AllReduce(sum);
        return (float)(sum.item<double>() / World.Size);
    }

    private static string Settings(SelfSupervisedMethod method, IImageDataset dataset, TrainingSetup setup) =>
        $"{method.GetName()} {JsonSerializer.Serialize(method.Hyperparameters, method.Hyperparameters.GetType())} on {dataset.Count} images of " +
        $"{dataset.Shape}, {setup.Epochs} epochs of batches of {setup.Loader.BatchSize} (shuffled: {setup.Loader.Shuffle}), " +
        $"{setup.Plan.Recipe} at {setup.Plan.LearningRate} ({setup.Plan.Schedule}), seed {method.State.Seed}, from step {method.State.Step}";

    // Shares each rank's status and stops every rank the same way when any failed or was cancelled.
    private void Exchange(Exception? error, bool cancelled, bool hasBatch)
    {
        using var status = tensor(new long[] { error is null ? 0 : 1, cancelled ? 1 : 0, hasBatch ? 1 : 0 });
        World.AllReduce(status);
        var counts = status.data<long>().ToArray();
        if (counts[0] > 0)
        {
            var messages = GatherText(error is null ? "" : $"rank {World.Rank} of {World.Size}: {error.Message}");
            if (error is not null)
                ExceptionDispatchInfo.Throw(Communicators.MarkSharedStop(error));
            throw Communicators.MarkSharedStop(new RankFailedException($"Stopped because another rank failed; {string.Join("; ", messages.Where(m => m.Length > 0))}"));
        }
        if (counts[1] > 0)
        {
            throw Communicators.MarkSharedStop(new OperationCanceledException($"Cancelled on {counts[1]} of {World.Size} ranks; every rank stopped."));
        }
        if (counts[2] != 0 && counts[2] != World.Size)
            StopAgreed($"{counts[2]} of {World.Size} ranks have another batch: the ranks' data differ.");
    }

    private void StopAgreed(string message)
    {
        throw Communicators.MarkSharedStop(new InvalidOperationException(message));
    }

    private bool StopEveryRank(Exception error)
    {
        Console.Error.WriteLine($"Rank {World.Rank} of {World.Size} failed, stopping every rank: {error}");
        Console.Error.Flush();
        // The launcher forwards a rank's output asynchronously and may drop what it has not read when it ends the
        // ranks: give it a moment to read the message before the abort ends every rank.
        Thread.Sleep(AbortGrace);
        World.Abort(1);
        return false;
    }

    // Every rank's text (UTF-8, cut to MessageBytes), in rank order.
    private string[] GatherText(string text)
    {
        var bytes = new byte[MessageBytes];
        var length = Encoding.UTF8.GetBytes(text.AsSpan(0, Math.Min(text.Length, MessageBytes / 4)), bytes);
        using var mine = tensor(bytes, ScalarType.Byte);
        using var all = World.AllGather(mine);
        var gathered = all.data<byte>().ToArray();
        return Enumerable.Range(0, World.Size)
            .Select(rank => Encoding.UTF8.GetString(gathered, rank * MessageBytes, MessageBytes).TrimEnd('\0'))
            .ToArray();
    }

    private static IEnumerable<Tensor> StateTensors(nn.Module model) =>
        model.parameters().Select(p => (Tensor)p).Concat(model.buffers());

    private static IEnumerable<Tensor> RunningStatistics(BatchNorm layer) =>
        new[] { layer.running_mean, layer.running_var }.OfType<Tensor>();

    // Applies a collective to the tensors as few flat buffers (buckets), then copies the results back.
    private static void InBuckets(List<Tensor> tensors, Action<Tensor> collective)
    {
        using var _ = no_grad();
        foreach (var bucket in Buckets(tensors))
        {
            using var scope = NewDisposeScope();
            var flat = cat(bucket.Select(t => t.flatten()).ToList(), 0);
            collective(flat);
            long offset = 0;
            foreach (var tensor in bucket)
            {
                tensor.copy_(flat.narrow(0, offset, tensor.numel()).view_as(tensor));
                offset += tensor.numel();
            }
        }
    }

    // Consecutive tensors of one type, about BucketElements values per bucket.
    private static IEnumerable<List<Tensor>> Buckets(List<Tensor> tensors)
    {
        var bucket = new List<Tensor>();
        long size = 0;
        foreach (var tensor in tensors)
        {
            if (bucket.Count > 0 && (size + tensor.numel() > BucketElements || tensor.dtype != bucket[0].dtype))
            {
                yield return bucket;
                (bucket, size) = ([], 0);
            }
            bucket.Add(tensor);
            size += tensor.numel();
        }
        if (bucket.Count > 0)
            yield return bucket;
    }

    private sealed class Scopes(params IDisposable[] scopes) : IDisposable
    {
        public void Dispose()
        {
            foreach (var scope in scopes)
                scope.Dispose();
        }
    }
}
