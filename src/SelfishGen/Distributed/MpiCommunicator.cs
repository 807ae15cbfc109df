using System.Diagnostics.CodeAnalysis;
using static TorchSharp.torch;

namespace SelfishGen.Distributed;

/// <summary>
/// The ranks of a run started by an MPI launcher (Open MPI's <c>mpirun</c>, MPICH's <c>mpiexec</c>, or Slurm's
/// <c>srun</c>), over <c>MPI_COMM_WORLD</c> of the launcher's library (<see cref="MpiLibrary"/>).
/// Carries contiguous CPU tensors of float32, float64, int32 or int64 (and bytes for gather and broadcast) without
/// copying them. MPI is initialised once per process and finalised when this is disposed or the process exits.
/// </summary>
public sealed unsafe class MpiCommunicator : ICommunicator
{
    private static readonly Lock Gate = new();
    private static MpiCommunicator? _world;
    private readonly MpiLibrary _mpi;
    private bool _disposed;

    private MpiCommunicator(MpiLibrary mpi)
    {
        _mpi = mpi;
        if (!mpi.IsInitialized())
            mpi.Initialize();
        Rank = mpi.Rank();
        Size = mpi.Size();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Dispose();
    }

    /// <summary>
    /// The world of this process, initialising MPI on first use. Throws a <see cref="DllNotFoundException"/> naming the
    /// packages to install when the launcher's MPI library is missing.
    /// </summary>
    public static MpiCommunicator World()
    {
        lock (Gate)
        {
            if (_world is { _disposed: true })
                throw new ObjectDisposedException(nameof(MpiCommunicator), "MPI was finalised in this process; it cannot start again.");
            return _world ??= new MpiCommunicator(MpiLibrary.Load());
        }
    }

    /// <inheritdoc />
    public int Rank { get; }

    /// <inheritdoc />
    public int Size { get; }

    /// <inheritdoc />
    public void AllReduce(Tensor tensor)
    {
        var (type, elementSize) = ReducibleType(tensor);
        RequireContiguousCpu(tensor);
        var start = (byte*)TensorMemory.Address(tensor);
        for (long offset = 0; offset < tensor.numel(); offset += int.MaxValue)
        {
            var count = (int)Math.Min(int.MaxValue, tensor.numel() - offset);
            _mpi.AllReduceInPlace(start + offset * elementSize, count, type);
        }
    }

    /// <inheritdoc />
    public Tensor AllGather(Tensor tensor)
    {
        var send = tensor.contiguous();
        RequireContiguousCpu(send);
        var (type, count) = ByteType(send);
        var shape = send.shape.ToArray();
        shape[0] *= Size;
        var gathered = empty(shape, send.dtype, send.device);
        _mpi.AllGather((void*)TensorMemory.Address(send), (void*)TensorMemory.Address(gathered), count, type);
        return gathered;
    }

    /// <inheritdoc />
    public void Broadcast(Tensor tensor, int root = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(root);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(root, Size);
        RequireContiguousCpu(tensor);
        var (type, count) = ByteType(tensor);
        _mpi.Broadcast((void*)TensorMemory.Address(tensor), count, type, root);
    }

    /// <inheritdoc />
    public void Barrier() => _mpi.Barrier();

    /// <inheritdoc />
    [DoesNotReturn]
    public void Abort(int exitCode)
    {
        Console.Out.Flush();
        Console.Error.Flush();
        _mpi.Abort(exitCode);
        Environment.Exit(exitCode); // MPI_Abort does not return; this satisfies the compiler and any odd implementation
    }

    /// <summary>Finalises MPI (once); the world cannot be used afterwards.</summary>
    public void Dispose()
    {
        lock (Gate)
        {
            if (_disposed)
                return;
            _disposed = true;
            if (!_mpi.IsFinalized())
                _mpi.Shutdown();
        }
    }

    private static (nint Type, int ElementSize) ReducibleTypeOf(MpiLibrary mpi, ScalarType dtype) => dtype switch
    {
        ScalarType.Float32 => (mpi.Float, 4),
        ScalarType.Float64 => (mpi.Double, 8),
        ScalarType.Int64 => (mpi.Int64, 8),
        ScalarType.Int32 => (mpi.Int32, 4),
        _ => throw new NotSupportedException($"All-reduce of {dtype} tensors is not supported: use float32, float64, int32 or int64."),
    };

    private (nint Type, int ElementSize) ReducibleType(Tensor tensor) => ReducibleTypeOf(_mpi, tensor.dtype);

    // Gather and broadcast move bytes, whatever the element type.
    private (nint Type, int Count) ByteType(Tensor tensor)
    {
        var bytes = tensor.numel() * tensor.ElementSize;
        if (bytes > int.MaxValue)
            throw new NotSupportedException($"A tensor of {bytes} bytes is too large for one gather or broadcast (at most {int.MaxValue}).");
        return (_mpi.Byte, (int)bytes);
    }

    private static void RequireContiguousCpu(Tensor tensor)
    {
        if (tensor.device_type != DeviceType.CPU)
            throw new NotSupportedException(
                $"{nameof(MpiCommunicator)} carries CPU tensors, not {tensor.device_type} ones: device tensors need an NCCL or CUDA-aware MPI communicator.");
        if (!tensor.is_contiguous())
            throw new ArgumentException("The tensor must be contiguous.", nameof(tensor));
    }
}
