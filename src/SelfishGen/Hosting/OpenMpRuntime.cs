namespace SelfishGen.Hosting;

/// <summary>Finds the OpenMP runtime libtorch parallelises with, once libtorch is loaded.</summary>
internal static class OpenMpRuntime
{
    /// <summary>
    /// The path of the OpenMP runtime loaded in this process (GNU's under a hashed name in the official builds,
    /// <c>libgomp-&lt;hash&gt;.so.1</c>; LLVM's or Intel's in others), or null: none loaded yet, or not Linux.
    /// </summary>
    public static string? LoadedPath() => LoadedLibraries.Find(IsOpenMpRuntime);

    private static bool IsOpenMpRuntime(string file) =>
        file.Contains(".so", StringComparison.Ordinal)
        && (file.StartsWith("libgomp", StringComparison.Ordinal) || file.StartsWith("libiomp5", StringComparison.Ordinal)
            || file.StartsWith("libomp.", StringComparison.Ordinal) || file.StartsWith("libomp-", StringComparison.Ordinal));
}
