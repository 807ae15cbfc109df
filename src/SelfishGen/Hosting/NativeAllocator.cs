using System.Runtime.InteropServices;

namespace SelfishGen.Hosting;

/// <summary>
/// Tunes glibc's allocator for tensor workloads. By default glibc returns large freed blocks to the operating system
/// at once, so every training step maps and page-faults its activations afresh; measured here, that made a ResNet-18
/// step up to 3× slower. Keeping freed memory in the process removes those faults, at the cost of a larger resident
/// size (docs/benchmarks.md, "Memory: the peak of a training run").
/// </summary>
public static partial class NativeAllocator
{
    private const int TrimThreshold = -1; // M_TRIM_THRESHOLD
    private const int MmapMax = -4;       // M_MMAP_MAX

    /// <summary>
    /// The user's own settings of glibc's allocator (<c>GLIBC_TUNABLES</c> naming a <c>glibc.malloc.</c> tunable), or
    /// null. <see cref="KeepFreedMemory"/> leaves them in force: e.g.
    /// <c>glibc.malloc.mmap_threshold=8388608:glibc.malloc.trim_threshold=2147483647</c> maps blocks of 8 MB and more
    /// afresh and keeps the rest, for about a third less memory at a few per cent of step time.
    /// </summary>
    public static string? UserTunables => MallocTunables(Environment.GetEnvironmentVariable("GLIBC_TUNABLES"));

    /// <summary>
    /// Makes glibc keep freed memory for reuse instead of unmapping it. Call once at start-up, before the first tensor.
    /// Returns false where it does not apply (not Linux, or not glibc) and when the user tuned the allocator
    /// (<see cref="UserTunables"/>).
    /// </summary>
    public static bool KeepFreedMemory()
    {
        if (!OperatingSystem.IsLinux() || UserTunables is not null)
            return false;
        try
        {
            return mallopt(MmapMax, 0) == 1 && mallopt(TrimThreshold, int.MaxValue) == 1;
        }
        catch (EntryPointNotFoundException)
        {
            return false; // musl and other C libraries have no mallopt
        }
    }

    /// <summary>
    /// Gives the memory glibc holds free back to the operating system (<c>malloc_trim</c>), so that the resident size
    /// counts only what is in use. Returns false where it does not apply (not Linux, or not glibc).
    /// </summary>
    public static bool ReturnFreedMemory()
    {
        if (!OperatingSystem.IsLinux())
            return false;
        try
        {
            malloc_trim(0);
            return true;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary><paramref name="tunables"/> (a <c>GLIBC_TUNABLES</c> value) when it sets a malloc tunable, else null.</summary>
    internal static string? MallocTunables(string? tunables) =>
        tunables is not null && tunables.Contains("glibc.malloc.", StringComparison.Ordinal) ? tunables : null;

    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int malloc_trim(nuint pad);

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int mallopt(int parameter, int value);
}
