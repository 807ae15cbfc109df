using System.Runtime.InteropServices;

namespace SelfishGen.Hosting;

/// <summary>
/// Keeps libtorch's operations on a background thread (the data loader's) on that thread alone, as PyTorch's data
/// loader workers run with one thread. libtorch parallelises with OpenMP, and GNU OpenMP gives every thread that opens
/// a parallel region a team of its own; once the process holds more team threads than CPUs, every team's idle threads
/// stop spinning and sleep between regions, so the training step's thousands of small parallel operations each wait
/// for a thread to wake (measured: EfficientNet-B0 BYOL, 2 threads, docs/benchmarks.md).
/// </summary>
internal static unsafe class IntraOpThreads
{
    private static readonly Lazy<nint> SetNumThreads = new(FindSetNumThreads);

    /// <summary>
    /// Makes libtorch run the calling thread's operations serially, without changing the number of threads other
    /// threads use. Returns false where the OpenMP runtime cannot be reached (not Linux, or none found loaded).
    /// </summary>
    public static bool SerialOnThisThread()
    {
        // libtorch sets a thread's OpenMP thread count the first time the thread asks for it (to the process's
        // count); asking first makes the setting below the last word for this thread.
        torch.get_num_threads();
        var setNumThreads = SetNumThreads.Value;
        if (setNumThreads == 0)
            return false;
        ((delegate* unmanaged<int, void>)setNumThreads)(1);
        return true;
    }

    // omp_set_num_threads of the OpenMP runtime libtorch loaded: only the calling thread's setting changes (an ICV).
    private static nint FindSetNumThreads() =>
        OpenMpRuntime.LoadedPath() is { } runtime && NativeLibrary.TryLoad(runtime, out var library)
        && NativeLibrary.TryGetExport(library, "omp_set_num_threads", out var export) ? export : 0;
}
