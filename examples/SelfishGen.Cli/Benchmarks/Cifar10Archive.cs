using System.Formats.Tar;
using System.IO.Compression;

namespace SelfishGen.Cli.Benchmarks;

/// <summary>
/// The CIFAR-10 JPEG archive (<c>train/&lt;class&gt;/*.jpg</c>, <c>test/&lt;class&gt;/*.jpg</c>), extracted once into a
/// cache folder outside the repository, one folder per archive name.
/// </summary>
public static class Cifar10Archive
{
    /// <summary>Where the archive is on the benchmark machines.</summary>
    public const string DefaultArchive = "/work/shared/data/cifar10/cifar10-jpeg.tar.gz";

    /// <summary>
    /// The cache folder of <paramref name="archive"/>: <c>~/.cache/selfishgen/cifar10</c> for the default archive,
    /// <c>~/.cache/selfishgen/&lt;name without .tar.gz&gt;</c> for another.
    /// </summary>
    public static string CacheFolder(string archive) => Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "selfishgen",
        Path.GetFileName(archive) == Path.GetFileName(DefaultArchive) ? "cifar10" : Path.GetFileName(archive)[..^".tar.gz".Length]);

    /// <summary>Extracts <paramref name="archive"/> unless done before; returns the folder holding <c>train</c> and <c>test</c>.</summary>
    public static string Extract(string archive)
    {
        if (!File.Exists(archive))
            throw new FileNotFoundException($"No CIFAR-10 archive at '{archive}': pass --cifar10 <path to cifar10-jpeg.tar.gz>.", archive);
        var folder = CacheFolder(archive);
        var done = Path.Combine(folder, ".extracted");
        if (File.Exists(done) && File.ReadAllText(done) == Stamp(archive))
            return folder;
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);
        using (var gzip = new GZipStream(File.OpenRead(archive), CompressionMode.Decompress))
            TarFile.ExtractToDirectory(gzip, folder, overwriteFiles: true);
        File.WriteAllText(done, Stamp(archive));
        return folder;
    }

    private static string Stamp(string archive)
    {
        var info = new FileInfo(archive);
        return $"{info.FullName} {info.Length} {info.LastWriteTimeUtc:O}";
    }
}
