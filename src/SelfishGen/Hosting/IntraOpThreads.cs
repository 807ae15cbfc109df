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

    // omp_set_num_threads of the OpenMP runtime libtorch loaded: GNU's under a hashed name in the official builds
    // (libgomp-<hash>.so.1), LLVM's or Intel's in others. Only the thread's own setting changes (an OpenMP ICV).
    private static nint FindSetNumThreads()
    {
        if (!OperatingSystem.IsLinux())
            return 0;
        var runtime = File.ReadLines("/proc/self/maps")
            .Select(line => line.IndexOf('/') is var at and >= 0 ? line[at..] : null)
            .FirstOrDefault(path => path is not null && IsOpenMpRuntime(Path.GetFileName(path)));
        return runtime is not null && NativeLibrary.TryLoad(runtime, out var library)
            && NativeLibrary.TryGetExport(library, "omp_set_num_threads", out var export) ? export : 0;
    }

    private static bool IsOpenMpRuntime(string file) =>
        file.Contains(".so", StringComparison.Ordinal)
        && (file.StartsWith("libgomp", StringComparison.Ordinal) || file.StartsWith("libiomp5", StringComparison.Ordinal)
            || file.StartsWith("libomp.", StringComparison.Ordinal) || file.StartsWith("libomp-", StringComparison.Ordinal));
}
