using static TorchSharp.torch;

namespace SelfishGen.Distributed;

/// <summary>
/// What objectives and state see of the ranks of the run in progress on this thread: the whole batch's rows for
/// in-batch negatives and batch statistics, sums over ranks, and where this rank's rows sit in the whole batch.
/// Outside a data-parallel run (or with one process) every operation is the identity, so a loss written against the
/// whole batch is the same code in one process and in many.
/// </summary>
public static class CrossRank
{
    [ThreadStatic]
    private static ICommunicator? _world;

    /// <summary>The communicator of the training run on this thread; <see cref="SingleProcessCommunicator"/> outside one.</summary>
    public static ICommunicator World => _world ?? SingleProcessCommunicator.Instance;

    /// <summary>Whether more than one rank takes part.</summary>
    public static bool IsDistributed => World.Size > 1;

    /// <summary>Makes <paramref name="world"/> the communicator of this thread until the returned scope is disposed.</summary>
    public static IDisposable Enter(ICommunicator world)
    {
        var previous = _world;
        _world = world;
        return new Scope(() => _world = previous);
    }

    /// <summary>
    /// Every rank's <paramref name="local"/> rows (B, …) as one (N·B, …) tensor in rank order, whose gradient is the
    /// whole batch's: each rank's rows receive the sum over all ranks of the gradient flowing into them
    /// (see <see cref="AllGatherFunction"/>).
    /// </summary>
    public static Tensor Gather(Tensor local)
    {
        var world = World;
        if (world.Size == 1)
            return local;
        return local.requires_grad && is_grad_enabled()
            ? AllGatherFunction.apply(local, world)
            : world.AllGather(local.detach());
    }

    /// <summary>The index of this rank's first row in a gathered batch of <paramref name="localRows"/> rows per rank.</summary>
    public static long Offset(long localRows) => World.Rank * localRows;

    /// <summary>The mean over ranks of <paramref name="value"/> (no gradient), e.g. of each rank's batch mean.</summary>
    public static Tensor Mean(Tensor value)
    {
        var world = World;
        if (world.Size == 1)
            return value;
        var sum = value.detach().contiguous().clone();
        world.AllReduce(sum);
        using var ranks = world.Size.ToScalar();
        return sum.div_(ranks);
    }

    private sealed class Scope(Action exit) : IDisposable
    {
        public void Dispose() => exit();
    }
}
