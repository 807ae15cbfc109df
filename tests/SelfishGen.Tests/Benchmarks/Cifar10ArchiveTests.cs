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
}
