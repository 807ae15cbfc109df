using System.Runtime.InteropServices;

namespace SelfishGen.Distributed;

/// <summary>
/// The few functions of an MPI C library that <see cref="MpiCommunicator"/> calls, bound through function pointers,
/// for the two ABIs in use (<see cref="MpiImplementation"/>): Open MPI's handles (the world communicator, data types,
/// operations) are the addresses of exported globals, resolved by name; MPICH's are fixed 32-bit integers.
/// </summary>
/// <remarks>
/// The function pointers take handles as <see cref="nint"/>. MPICH declares them <c>int</c>: on the 64-bit Linux ABIs
/// (x86-64 System V, AArch64) an <c>int</c> argument is read from the low 32 bits of its register or 8-byte stack
/// slot, so passing MPICH's handle values (all positive) widened is the same call.
/// </remarks>
internal sealed unsafe class MpiLibrary
{
    /// <summary>The environment variable that names the MPI library to load (a file name or path) instead of the launcher's usual one.</summary>
    public const string LibraryVariable = "SELFISH_MPI_LIBRARY";

    private const int ThreadSerialized = 2;

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

    private MpiLibrary(nint library, string file)
    {
        _library = library;
        Implementation = NativeLibrary.TryGetExport(library, "ompi_mpi_comm_world", out _) ? MpiImplementation.OpenMpi : MpiImplementation.Mpich;
        File = file;
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
        if (Implementation == MpiImplementation.OpenMpi)
        {
            (World, Sum, Float, Double) = (Export("ompi_mpi_comm_world"), Export("ompi_mpi_op_sum"), Export("ompi_mpi_float"), Export("ompi_mpi_double"));
            (Int64, Int32, Byte) = (Export("ompi_mpi_int64_t"), Export("ompi_mpi_int"), Export("ompi_mpi_byte"));
            InPlace = (void*)1;
        }
        else
        {
            // mpi.h of MPICH 4 (the values are part of its ABI).
            (World, Sum, Float, Double) = (0x44000000, 0x58000003, 0x4c00040a, 0x4c00080b);
            (Int64, Int32, Byte) = (0x4c00083a, 0x4c000405, 0x4c00010d);
            InPlace = (void*)-1;
        }
    }

    /// <summary>The implementation the library belongs to, told by its exports.</summary>
    public MpiImplementation Implementation { get; }

    /// <summary>The file it was loaded from, as named.</summary>
    public string File { get; }

    /// <summary><c>MPI_IN_PLACE</c>.</summary>
    public void* InPlace { get; }

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

    /// <summary>
    /// Loads the library named by <see cref="LibraryVariable"/>, else that of the implementation whose launcher started
    /// this process; a <see cref="DllNotFoundException"/> says which packages to install when it is missing.
    /// </summary>
    public static MpiLibrary Load() =>
        Environment.GetEnvironmentVariable(LibraryVariable) is { Length: > 0 } chosen ? Load(chosen) : Load(MpiImplementation.OfLauncher());

    /// <summary>Loads the first of <paramref name="implementation"/>'s library files found.</summary>
    internal static MpiLibrary Load(MpiImplementation implementation)
    {
        foreach (var file in implementation.Files)
        {
            if (NativeLibrary.TryLoad(file, out var library))
                return new MpiLibrary(library, file);
        }
        throw new DllNotFoundException(
            $"{implementation.Name}'s library ({implementation.Files[0]}) was not found. Install {implementation.Name} (Debian/Ubuntu: " +
            $"'apt-get install {implementation.Packages}'), then start the run with its launcher, e.g. '{implementation.Launcher}'; " +
            $"or name the library to load in {LibraryVariable}.");
    }

    /// <summary>Loads the library file <paramref name="file"/> (a name or a path).</summary>
    internal static MpiLibrary Load(string file) =>
        NativeLibrary.TryLoad(file, out var library)
            ? new MpiLibrary(library, file)
            : throw new DllNotFoundException($"The MPI library '{file}' named by {LibraryVariable} could not be loaded: give the path of an Open MPI 4+ or MPICH-ABI libmpi, or unset it.");

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
            throw new InvalidOperationException($"{Implementation.Name} ({File}) provides thread level {provided}; SelfishGen needs MPI_THREAD_SERIALIZED ({ThreadSerialized}).");
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
            : throw new EntryPointNotFoundException($"The loaded MPI library ({File}) has no '{name}': SelfishGen needs Open MPI 4 or later, or an MPICH-ABI library (MPICH 3.1+, Intel MPI, MVAPICH, Cray MPICH).");

    private static void Check(int code, string function)
    {
        if (code != 0)
            throw new InvalidOperationException($"{function} failed with MPI error code {code}.");
    }
}
