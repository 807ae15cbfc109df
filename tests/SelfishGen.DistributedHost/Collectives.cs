using SelfishGen.Distributed;

namespace SelfishGen.DistributedHost;

/// <summary>The communicator's operations between the ranks, checked on every rank; writes "rank.ok" when all hold.</summary>
internal static class Collectives
{
    public static void Check(string output)
    {
        var world = Communicators.FromEnvironment();
        var (rank, size) = (world.Rank, world.Size);

        var sum = full(5, rank + 1.0f);
        world.AllReduce(sum);
        Require(sum.eq(size * (size + 1) / 2.0f).all().item<bool>(), $"all-reduce gave {sum.str()}");

        var counts = tensor(new long[] { rank, 1L << 40 });
        world.AllReduce(counts);
        var small = tensor(new[] { rank, 7 });
        world.AllReduce(small);
        Require(counts.data<long>().SequenceEqual([size * (size - 1) / 2, size * (1L << 40)]), $"all-reduce of int64 gave {counts.str()}");
        Require(small.data<int>().SequenceEqual([size * (size - 1) / 2, size * 7]), $"all-reduce of int32 gave {small.str()}");

        var big = full(3_000_000, 1.0, float64);
        world.AllReduce(big);
        Require(big.eq((double)size).all().item<bool>(), "all-reduce of 3 M doubles");

        var gathered = world.AllGather(tensor(new long[] { rank, 10 + rank }).view(1, 2));
        var expected = tensor(Enumerable.Range(0, size).SelectMany(r => new long[] { r, 10 + r }).ToArray()).view(size, 2);
        Require(gathered.eq(expected).all().item<bool>(), $"all-gather gave {gathered.str()}");

        var sliced = arange(12, dtype: float32).view(4, 3)[2..]; // a view at an offset into its storage
        var broadcast = rank == 0 ? sliced.contiguous() : zeros(2, 3);
        world.Broadcast(broadcast);
        Require(broadcast.eq(arange(6, 12, dtype: float32).view(2, 3)).all().item<bool>(), $"broadcast gave {broadcast.str()}");

        world.Barrier();
        File.WriteAllText(Path.Combine(output, $"rank{rank}.ok"), $"{rank} of {size}");
    }

    private static void Require(bool condition, string what)
    {
        if (!condition)
            throw new InvalidOperationException(what);
    }
}
