using SelfishGen.Hosting;

namespace SelfishGen.Cli.Benchmarks;

/// <summary>
/// The resident memory of this process, read from Linux's <c>/proc/self</c>: how much a run needs at its peak, measured
/// as the high-water mark's rise over the resident size at its start. Null where <c>/proc</c> cannot tell.
/// </summary>
public static class ResidentMemory
{
    /// <summary>
    /// Frees what earlier runs left to finalizers (tensors nobody disposed), gives freed memory back to the system
    /// (<see cref="NativeAllocator.ReturnFreedMemory"/>), restarts the high-water mark at the current resident size and
    /// returns that size in bytes; null when the mark cannot be restarted. Without the collection, memory an earlier run's
    /// garbage frees during this run would serve this run unseen, and its rise would read too low.
    /// </summary>
    public static long? RestartPeak()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        NativeAllocator.ReturnFreedMemory();
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        return Read("VmRSS:");
    }

    /// <summary>The most bytes resident at once since the last <see cref="RestartPeak"/>; null when unknown.</summary>
    public static long? Peak() => Read("VmHWM:");

    private static long? Read(string field)
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? null : 1024 * long.Parse(line[field.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
