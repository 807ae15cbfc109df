using System.Formats.Tar;
using System.IO.Compression;

namespace SelfishGen.Cli.Benchmarks;

/// <summary>
/// The CIFAR-10 JPEG archive (<c>train/&lt;class&gt;/*.jpg</c>, <c>test/&lt;class&gt;/*.jpg</c>), extracted once into a
/// cache folder outside the repository, one folder per archive name.
/// </summary>
public static class Cifar10Archive
{
    /// <summary>The environment variable naming the archive (or an extracted folder) when <c>--cifar10</c> is not given.</summary>
    public const string EnvironmentVariable = "SELFISH_CIFAR10";

    /// <summary>The archive's usual file name; it is extracted to <c>~/.cache/selfishgen/cifar10</c>.</summary>
    public const string ArchiveName = "cifar10-jpeg.tar.gz";

    /// <summary>Where the data is looked for last: an extracted folder, then the archive, under <c>dataset/</c>.</summary>
    public static readonly string[] DefaultPlaces = ["dataset/cifar10", "dataset/" + ArchiveName];

    /// <summary>
    /// The CIFAR-10 folder to read: <paramref name="given"/> (<c>--cifar10</c>), else the <see cref="EnvironmentVariable"/>,
    /// else the first of <see cref="DefaultPlaces"/> that exists; an archive is extracted, a folder (with <c>train</c>
    /// and <c>test</c>) is used as it is.
    /// </summary>
    public static string Locate(string? given)
    {
        var place = given
            ?? (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : null)
            ?? DefaultPlaces.FirstOrDefault(p => File.Exists(p) || Directory.Exists(p))
            ?? throw new FileNotFoundException(
                $"No CIFAR-10 data found: pass {ArchiveName} or a folder with train/ and test/ (bench quality: --cifar10 <path>; train, eval: --data <path>), set {EnvironmentVariable}, or put it at {string.Join(" or ", DefaultPlaces)}.");
        return Directory.Exists(place) ? place : Extract(place);
    }

    /// <summary>
    /// The cache folder of <paramref name="archive"/>: <c>~/.cache/selfishgen/cifar10</c> for <see cref="ArchiveName"/>,
    /// <c>~/.cache/selfishgen/&lt;name without .tar.gz&gt;</c> for another.
    /// </summary>
    public static string CacheFolder(string archive) =>
        UserCache.Folder(Path.GetFileName(archive) == ArchiveName ? "cifar10" : Path.GetFileName(archive)[..^".tar.gz".Length]);

    /// <summary>Extracts <paramref name="archive"/> unless done before; returns the folder holding <c>train</c> and <c>test</c>.</summary>
    public static string Extract(string archive) => ExtractTo(archive, CacheFolder(archive));

    /// <summary>
    /// Extracts <paramref name="archive"/> into <paramref name="folder"/> unless done before. Runs that start at once
    /// take turns (a lock file beside the folder): the first extracts, the others then find the folder done. The files
    /// go to a private folder first, renamed into place once complete, so a run that is stopped never leaves a
    /// half-extracted folder.
    /// </summary>
    public static string ExtractTo(string archive, string folder)
    {
        if (!File.Exists(archive))
            throw new FileNotFoundException($"No CIFAR-10 archive at '{archive}'.", archive);
        var stamp = Stamp(archive);
        if (IsExtracted(folder, stamp))
            return folder;
        using var turn = WaitForTurn($"{folder}.lock");
        if (IsExtracted(folder, stamp))
            return folder;
        var partial = $"{folder}.partial-{Environment.ProcessId}-{Guid.NewGuid():N}";
        try
        {
            Directory.CreateDirectory(partial);
            using (var gzip = new GZipStream(File.OpenRead(archive), CompressionMode.Decompress))
                TarFile.ExtractToDirectory(gzip, partial, overwriteFiles: true);
            File.WriteAllText(Path.Combine(partial, DoneFile), stamp);
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
            Directory.Move(partial, folder);
        }
        finally
        {
            if (Directory.Exists(partial))
                Directory.Delete(partial, recursive: true);
        }
        return folder;
    }

    /// <summary>Opens <paramref name="lockFile"/> for this run alone, waiting while another run holds it (released when disposed, or when its process ends).</summary>
    private static FileStream WaitForTurn(string lockFile)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(lockFile))!);
        while (true)
        {
            try
            {
                return new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                Thread.Sleep(100);
            }
        }
    }

    private const string DoneFile = ".extracted";

    private static bool IsExtracted(string folder, string stamp)
    {
        var done = Path.Combine(folder, DoneFile);
        return File.Exists(done) && File.ReadAllText(done) == stamp;
    }

    private static string Stamp(string archive)
    {
        var info = new FileInfo(archive);
        return $"{info.FullName} {info.Length} {info.LastWriteTimeUtc:O}";
    }
}
