namespace SelfishGen.Hosting;

/// <summary>The native libraries loaded in this process, as <c>/proc/self/maps</c> lists them (Linux only).</summary>
internal static class LoadedLibraries
{
    /// <summary>The path of the first loaded library whose file name satisfies <paramref name="fileName"/>, or null (none, or not Linux).</summary>
    public static string? Find(Func<string, bool> fileName) =>
        OperatingSystem.IsLinux()
            ? File.ReadLines("/proc/self/maps")
                .Select(line => line.IndexOf('/') is var at and >= 0 ? line[at..] : null)
                .FirstOrDefault(path => path is not null && fileName(Path.GetFileName(path)))
            : null;
}
