using System.Formats.Tar;
using System.IO.Compression;
using SelfishGen.Cli.Benchmarks;
using SelfishGen.Tests.Data;

namespace SelfishGen.Tests.Benchmarks;

/// <summary>Where <c>selfish bench quality --data cifar10</c> finds its data: nothing depends on one machine's paths.</summary>
public sealed class Cifar10ArchiveTests
{
    [Fact]
    public void A_given_folder_is_used_as_it_is()
    {
        using var folder = new TempFolder();

        Assert.Equal(folder.Path, Cifar10Archive.Locate(folder.Path));
    }

    [Fact]
    public void Without_a_path_or_a_default_place_the_error_says_where_the_data_is_looked_for()
    {
        Assert.False(Cifar10Archive.DefaultPlaces.Any(place => File.Exists(place) || Directory.Exists(place)), "the test folder holds CIFAR-10 data");
        var before = Environment.GetEnvironmentVariable(Cifar10Archive.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(Cifar10Archive.EnvironmentVariable, null);
            var error = Assert.Throws<FileNotFoundException>(() => Cifar10Archive.Locate(null));

            Assert.Contains("--cifar10", error.Message);
            Assert.Contains(Cifar10Archive.EnvironmentVariable, error.Message);
            Assert.Contains("dataset/cifar10", error.Message);

            using var folder = new TempFolder();
            Environment.SetEnvironmentVariable(Cifar10Archive.EnvironmentVariable, folder.Path);
            Assert.Equal(folder.Path, Cifar10Archive.Locate(null));
        }
        finally
        {
            Environment.SetEnvironmentVariable(Cifar10Archive.EnvironmentVariable, before);
        }
    }

    [Fact]
    public void Runs_extracting_the_same_archive_at_once_all_get_the_whole_folder_and_leave_no_partial_one()
    {
        using var work = new TempFolder();
        var archive = TinyArchive(work.Path);
        var folder = Path.Combine(work.Path, "cache", "cifar10");

        var results = Enumerable.Range(0, 6).AsParallel().WithDegreeOfParallelism(6)
            .Select(_ => Cifar10Archive.ExtractTo(archive, folder)).ToArray();

        Assert.All(results, result => Assert.Equal(folder, result));
        Assert.Equal("train image", File.ReadAllText(Path.Combine(folder, "train", "cat", "0001.jpg")));
        Assert.Equal("test image", File.ReadAllText(Path.Combine(folder, "test", "cat", "0100.jpg")));
        Assert.Equal(100, Directory.GetFiles(Path.Combine(folder, "test", "cat")).Length);
        Assert.Equal([folder], Directory.GetDirectories(Path.GetDirectoryName(folder)!));
    }

    [Fact]
    public void Runs_replacing_an_older_extraction_at_once_do_not_delete_each_others_files()
    {
        // A new session's data mount gives the archive a new time: every run finds the cache out of date at once.
        using var work = new TempFolder();
        var archive = TinyArchive(work.Path);
        var folder = Path.Combine(work.Path, "cache", "cifar10");
        for (var round = 0; round < 3; round++)
        {
            StaleExtraction(folder, files: 5000);

            Enumerable.Range(0, 6).AsParallel().WithDegreeOfParallelism(6).ForAll(_ => Cifar10Archive.ExtractTo(archive, folder));

            Assert.Equal(100, Directory.GetFiles(Path.Combine(folder, "train", "cat")).Length);
            Assert.Equal(100, Directory.GetFiles(Path.Combine(folder, "test", "cat")).Length);
            Assert.False(Directory.Exists(Path.Combine(folder, "train", "old")), "the older extraction is still there");
        }
    }

    [Fact]
    public void A_folder_left_half_extracted_is_replaced()
    {
        using var work = new TempFolder();
        var archive = TinyArchive(work.Path);
        var folder = Path.Combine(work.Path, "cache", "cifar10");
        Directory.CreateDirectory(Path.Combine(folder, "train", "cat"));

        Cifar10Archive.ExtractTo(archive, folder);

        Assert.True(File.Exists(Path.Combine(folder, "test", "cat", "0001.jpg")));
    }

    private static void StaleExtraction(string folder, int files)
    {
        Directory.CreateDirectory(Path.Combine(folder, "train", "old"));
        for (var i = 0; i < files; i++)
            File.WriteAllText(Path.Combine(folder, "train", "old", $"{i:D4}.jpg"), "older image");
        File.WriteAllText(Path.Combine(folder, ".extracted"), "an archive of another time");
    }

    private static string TinyArchive(string workFolder)
    {
        var source = Path.Combine(workFolder, "source");
        foreach (var (split, text) in new[] { ("train", "train image"), ("test", "test image") })
        {
            Directory.CreateDirectory(Path.Combine(source, split, "cat"));
            for (var i = 1; i <= 100; i++)
                File.WriteAllText(Path.Combine(source, split, "cat", $"{i:D4}.jpg"), text);
        }
        var archive = Path.Combine(workFolder, "tiny.tar.gz");
        using (var gzip = new GZipStream(File.Create(archive), CompressionLevel.Fastest))
            TarFile.CreateFromDirectory(source, gzip, includeBaseDirectory: false);
        return archive;
    }
}
