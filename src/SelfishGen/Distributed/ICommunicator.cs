using System.Diagnostics.CodeAnalysis;
using static TorchSharp.torch;

namespace SelfishGen.Distributed;

/// <summary>
/// The processes ("ranks") of one data-parallel run and the collective operations between them. Every rank must
/// call the same collectives in the same order with tensors of the same shape and type.
/// </summary>
/// <remarks>
/// The operations take tensors, not raw memory, so that a backend for device tensors (NCCL, or a CUDA-aware MPI)
/// implements the same interface; <see cref="MpiCommunicator"/> carries contiguous CPU tensors.
/// </remarks>
public interface ICommunicator : IDisposable
{
    /// <summary>This process's index, 0 to <see cref="Size"/> − 1; rank 0 writes checkpoints and logs.</summary>
    int Rank { get; }

    /// <summary>Number of processes in the run.</summary>
    int Size { get; }

    /// <summary>Replaces <paramref name="tensor"/> (contiguous) on every rank by the element-wise sum over all ranks.</summary>
    void AllReduce(Tensor tensor);

    /// <summary>Every rank's <paramref name="tensor"/> (same shape everywhere) concatenated along dimension 0, in rank order.</summary>
    Tensor AllGather(Tensor tensor);

    /// <summary>Overwrites <paramref name="tensor"/> (contiguous) on every rank with its value on <paramref name="root"/>.</summary>
    void Broadcast(Tensor tensor, int root = 0);

    /// <summary>Returns once every rank has called it.</summary>
    void Barrier();

    /// <summary>
    /// Ends every process of the run at once with <paramref name="exitCode"/>: for a failure in the middle of a step,
    /// where the other ranks wait in a collective that this rank will never join.
    /// </summary>
    [DoesNotReturn]
    void Abort(int exitCode);
}
