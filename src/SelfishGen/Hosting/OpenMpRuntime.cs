namespace SelfishGen.Hosting;

/// <summary>Finds the OpenMP runtime libtorch parallelises with, once libtorch is loaded.</summary>
internal static class OpenMpRuntime
{
    /// <summary>
    /// The path of the OpenMP runtime loaded in this process (GNU's under a hashed name in the official builds,
    /// <c>libgomp-&lt;hash&gt;.so.1</c>; LLVM's or Intel's in others), or null: none loaded yet, or not Linux.
    /// </summary>
    public static string? LoadedPath() =>
        OperatingSystem.IsLinux()
            ? File.ReadLines("/proc/self/maps")
                .Select(line => line.IndexOf('/') is var at and >= 0 ? line[at..] : null)
                .FirstOrDefault(path => path is not null && IsOpenMpRuntime(Path.GetFileName(path)))
            : null;

    private static bool IsOpenMpRuntime(string file) =>
        file.Contains(".so", StringComparison.Ordinal)
        && (file.StartsWith("libgomp", StringComparison.Ordinal) || file.StartsWith("libiomp5", StringComparison.Ordinal)
            || file.StartsWith("libomp.", StringComparison.Ordinal) || file.StartsWith("libomp-", StringComparison.Ordinal));
}
