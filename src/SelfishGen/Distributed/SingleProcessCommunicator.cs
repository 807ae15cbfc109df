using System.Diagnostics.CodeAnalysis;
using static TorchSharp.torch;

namespace SelfishGen.Distributed;

/// <summary>The run of one process: rank 0 of 1, every collective the identity. What training uses without MPI.</summary>
public sealed class SingleProcessCommunicator : ICommunicator
{
    /// <summary>The one instance.</summary>
    public static SingleProcessCommunicator Instance { get; } = new();

    private SingleProcessCommunicator()
    {
    }

    /// <inheritdoc />
    public int Rank => 0;

    /// <inheritdoc />
    public int Size => 1;

    /// <inheritdoc />
    public void AllReduce(Tensor tensor)
    {
    }

    /// <inheritdoc />
    public Tensor AllGather(Tensor tensor) => tensor.alias();

    /// <inheritdoc />
    public void Broadcast(Tensor tensor, int root = 0) => ArgumentOutOfRangeException.ThrowIfNotEqual(root, 0);

    /// <inheritdoc />
    public void Barrier()
    {
    }

    /// <inheritdoc />
    [DoesNotReturn]
    public void Abort(int exitCode) => Environment.Exit(exitCode);

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
