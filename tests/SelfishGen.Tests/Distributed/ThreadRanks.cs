using System.Diagnostics.CodeAnalysis;
using SelfishGen.Distributed;

namespace SelfishGen.Tests.Distributed;

/// <summary>
/// Ranks simulated by threads of this process, exchanging tensors through shared slots: the collectives of
/// <see cref="ICommunicator"/> without MPI, so that the cross-rank maths is tested in every test run.
/// </summary>
internal sealed class ThreadRanks
{
    private readonly Barrier _barrier;
    private readonly Tensor?[] _slots;

    private ThreadRanks(int size)
    {
        _barrier = new Barrier(size);
        _slots = new Tensor?[size];
    }

    /// <summary>Runs <paramref name="body"/> on <paramref name="size"/> threads, each with its rank's communicator; returns each rank's result.</summary>
    public static T[] Run<T>(int size, Func<ICommunicator, T> body)
    {
        var ranks = new ThreadRanks(size);
        var results = new T[size];
        var errors = new Exception?[size];
        var threads = Enumerable.Range(0, size).Select(rank => new Thread(() =>
        {
            try
            {
                using var scope = NewDisposeScope();
                var world = new Member(ranks, rank);
                using (CrossRank.Enter(world))
                    results[rank] = body(world);
                if (results[rank] is Tensor tensor)
                    tensor.MoveToOuterDisposeScope();
            }
            catch (Exception error)
            {
                errors[rank] = error;
                ranks._barrier.RemoveParticipant();
            }
        })).ToList();
        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());
        if (errors.FirstOrDefault(error => error is not null) is { } first)
            throw new AggregateException(first);
        return results;
    }

    private Tensor[] Exchange(int rank, Tensor value)
    {
        _slots[rank] = value.detach().contiguous().clone();
        _barrier.SignalAndWait();
        var all = _slots.Select(slot => slot!.clone()).ToArray();
        _barrier.SignalAndWait();
        return all;
    }

    private sealed class Member(ThreadRanks ranks, int rank) : ICommunicator
    {
        public int Rank => rank;

        public int Size => ranks._slots.Length;

        public void AllReduce(Tensor tensor)
        {
            var all = ranks.Exchange(rank, tensor);
            var sum = all[0];
            foreach (var part in all.Skip(1))
                sum = sum + part;
            tensor.copy_(sum);
        }

        public Tensor AllGather(Tensor tensor) => cat(ranks.Exchange(rank, tensor), 0);

        public void Broadcast(Tensor tensor, int root = 0) => tensor.copy_(ranks.Exchange(rank, tensor)[root]);

        public void Barrier() => ranks._barrier.SignalAndWait();

        [DoesNotReturn]
        public void Abort(int exitCode) => throw new InvalidOperationException($"rank {rank} aborted with {exitCode}");

        public void Dispose()
        {
        }
    }
}
