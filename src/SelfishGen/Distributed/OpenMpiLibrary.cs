using System.Runtime.InteropServices;

namespace SelfishGen.Distributed;

/// <summary>
/// The few functions of Open MPI's C library (<c>libmpi.so.40</c>) that <see cref="MpiCommunicator"/> calls, bound
/// through function pointers. Open MPI's handles (the world communicator, data types, operations) are the addresses
/// of exported globals, resolved here by name; MPICH's integer handles are another ABI and are not supported.
/// </summary>
internal sealed unsafe class OpenMpiLibrary
{
    /// <summary>The Debian packages that provide the library and <c>mpirun</c>.</summary>
    public const string Packages = "openmpi-bin libopenmpi3";

    private const int ThreadSerialized = 2;
    private static readonly string[] Names = ["libmpi.so.40", "libmpi.so"];

    private readonly nint _library;
    private readonly delegate* unmanaged<int*, nint, int, int*, int> _initThread;
    private readonly delegate* unmanaged<int*, int> _initialized;
    private readonly delegate* unmanaged<int*, int> _finalized;
    private readonly delegate* unmanaged<int> _finalize;
    private readonly delegate* unmanaged<nint, int*, int> _commRank;
    private readonly delegate* unmanaged<nint, int*, int> _commSize;
    private readonly delegate* unmanaged<void*, void*, int, nint, nint, nint, int> _allreduce;
    private readonly delegate* unmanaged<void*, int, nint, void*, int, nint, nint, int> _allgather;
    private readonly delegate* unmanaged<void*, int, nint, int, nint, int> _bcast;
    private readonly delegate* unmanaged<nint, int> _barrier;
    private readonly delegate* unmanaged<nint, int, int> _abort;

    private OpenMpiLibrary(nint library)
    {
        _library = library;
        _initThread = (delegate* unmanaged<int*, nint, int, int*, int>)Export("MPI_Init_thread");
        _initialized = (delegate* unmanaged<int*, int>)Export("MPI_Initialized");
        _finalized = (delegate* unmanaged<int*, int>)Export("MPI_Finalized");
        _finalize = (delegate* unmanaged<int>)Export("MPI_Finalize");
        _commRank = (delegate* unmanaged<nint, int*, int>)Export("MPI_Comm_rank");
        _commSize = (delegate* unmanaged<nint, int*, int>)Export("MPI_Comm_size");
        _allreduce = (delegate* unmanaged<void*, void*, int, nint, nint, nint, int>)Export("MPI_Allreduce");
        _allgather = (delegate* unmanaged<void*, int, nint, void*, int, nint, nint, int>)Export("MPI_Allgather");
        _bcast = (delegate* unmanaged<void*, int, nint, int, nint, int>)Export("MPI_Bcast");
        _barrier = (delegate* unmanaged<nint, int>)Export("MPI_Barrier");
        _abort = (delegate* unmanaged<nint, int, int>)Export("MPI_Abort");
        World = Export("ompi_mpi_comm_world");
        Sum = Export("ompi_mpi_op_sum");
        Float = Export("ompi_mpi_float");
        Double = Export("ompi_mpi_double");
        Int64 = Export("ompi_mpi_int64_t");
        Int32 = Export("ompi_mpi_int");
        Byte = Export("ompi_mpi_byte");
    }

    /// <summary><c>MPI_IN_PLACE</c> in Open MPI.</summary>
    public static void* InPlace => (void*)1;

    /// <summary><c>MPI_COMM_WORLD</c>.</summary>
    public nint World { get; }

    /// <summary><c>MPI_SUM</c>.</summary>
    public nint Sum { get; }

    /// <summary><c>MPI_FLOAT</c>.</summary>
    public nint Float { get; }

    /// <summary><c>MPI_DOUBLE</c>.</summary>
    public nint Double { get; }

    /// <summary><c>MPI_INT64_T</c>.</summary>
    public nint Int64 { get; }

    /// <summary><c>MPI_INT</c>.</summary>
    public nint Int32 { get; }

    /// <summary><c>MPI_BYTE</c>.</summary>
    public nint Byte { get; }

    /// <summary>Loads the library; a <see cref="DllNotFoundException"/> says which packages to install when it is missing.</summary>
    public static OpenMpiLibrary Load() => Load(Names);

    /// <summary>Loads the first of <paramref name="names"/> found.</summary>
    internal static OpenMpiLibrary Load(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            if (NativeLibrary.TryLoad(name, out var library))
                return new OpenMpiLibrary(library);
        }
        throw new DllNotFoundException(
            $"Open MPI's library (libmpi.so.40) was not found. Install Open MPI (Debian/Ubuntu: 'apt-get install {Packages}'), " +
            "then start the run with mpirun, e.g. 'mpirun -np 2 selfish train'.");
    }

    public bool IsInitialized()
    {
        int flag;
        Check(_initialized(&flag), "MPI_Initialized");
        return flag != 0;
    }

    public bool IsFinalized()
    {
        int flag;
        Check(_finalized(&flag), "MPI_Finalized");
        return flag != 0;
    }

    /// <summary>Initialises MPI for calls from one thread at a time (training and autograd may use different threads).</summary>
    public void Initialize()
    {
        int provided;
        Check(_initThread(null, 0, ThreadSerialized, &provided), "MPI_Init_thread");
        if (provided < ThreadSerialized)
            throw new InvalidOperationException($"Open MPI provides thread level {provided}; SelfishGen needs MPI_THREAD_SERIALIZED ({ThreadSerialized}).");
    }

    public void Shutdown() => Check(_finalize(), "MPI_Finalize");

    public int Rank()
    {
        int rank;
        Check(_commRank(World, &rank), "MPI_Comm_rank");
        return rank;
    }

    public int Size()
    {
        int size;
        Check(_commSize(World, &size), "MPI_Comm_size");
        return size;
    }

    public void AllReduceInPlace(void* buffer, int count, nint type) =>
        Check(_allreduce(InPlace, buffer, count, type, Sum, World), "MPI_Allreduce");

    public void AllGather(void* send, void* receive, int count, nint type) =>
        Check(_allgather(send, count, type, receive, count, type, World), "MPI_Allgather");

    public void Broadcast(void* buffer, int count, nint type, int root) =>
        Check(_bcast(buffer, count, type, root, World), "MPI_Bcast");

    public void Barrier() => Check(_barrier(World), "MPI_Barrier");

    public void Abort(int code) => _abort(World, code);

    private nint Export(string name) =>
        NativeLibrary.TryGetExport(_library, name, out var address)
            ? address
            : throw new EntryPointNotFoundException($"The loaded libmpi has no '{name}': SelfishGen needs Open MPI 4 or later ({Packages}).");

    private static void Check(int code, string function)
    {
        if (code != 0)
            throw new InvalidOperationException($"{function} failed with MPI error code {code}.");
    }
}
