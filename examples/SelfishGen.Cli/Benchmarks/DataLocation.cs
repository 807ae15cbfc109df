using SelfishGen.Data;

namespace SelfishGen.Cli.Benchmarks;

/// <summary>
/// Where the data a command is given lives: the words <c>fashion-mnist</c> and <c>cifar10</c>, an archive of CIFAR-10
/// JPEGs, a folder with <c>train</c> and <c>test</c> sub-folders, or any dataset <see cref="Datasets.Open"/> reads.
/// </summary>
/// <param name="Name">What the data is, for messages and reports.</param>
/// <param name="Train">The images to train on (all of them when the data has no test split of its own).</param>
/// <param name="Test">The data's own test split; null when it has none.</param>
public sealed record DataLocation(string Name, DataPart Train, DataPart? Test)
{
    /// <summary>Debian's <c>dataset-fashion-mnist</c> package folder.</summary>
    public const string DebianFashionMnistFolder = "/usr/share/datasets/fashion-mnist";

    /// <summary>The environment variable that names another folder of Fashion-MNIST's IDX files.</summary>
    public const string FashionMnistVariable = "SELFISH_FASHION_MNIST";

    /// <summary>Where <c>fashion-mnist</c> is read: <c>$SELFISH_FASHION_MNIST</c>, else Debian's package folder.</summary>
    public static string FashionMnistFolder =>
        Environment.GetEnvironmentVariable(FashionMnistVariable) is { Length: > 0 } folder ? folder : DebianFashionMnistFolder;

    /// <summary>
    /// Finds <paramref name="data"/>: <c>fashion-mnist</c> (<see cref="FashionMnistFolder"/>, 60k / 10k), <c>cifar10</c> (50k / 10k,
    /// from <paramref name="cifar10"/> or the places <see cref="Cifar10Archive.Locate"/> searches), a <c>.tar.gz</c> of
    /// CIFAR-10 JPEGs (extracted once), a folder with <c>train</c> and <c>test</c>, or any other path as it is.
    /// </summary>
    public static DataLocation Of(string data, string? cifar10)
    {
        if (string.Equals(data, "fashion-mnist", StringComparison.OrdinalIgnoreCase))
        {
            var folder = FashionMnistFolder;
            if (!Directory.Exists(folder))
                throw new DirectoryNotFoundException(
                    $"No Fashion-MNIST at {folder}: apt-get install dataset-fashion-mnist (Debian's package fills {DebianFashionMnistFolder}), or set {FashionMnistVariable} to a folder of its IDX files.");
            return new(data, new(folder, "train"), new(folder, "test"));
        }
        var located = string.Equals(data, "cifar10", StringComparison.OrdinalIgnoreCase) ? Cifar10Archive.Locate(cifar10)
            : data.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) ? Cifar10Archive.Extract(data)
            : data;
        var (train, test) = (Path.Combine(located, "train"), Path.Combine(located, "test"));
        return Directory.Exists(train) && Directory.Exists(test)
            ? new(located, new(train), new(test))
            : new(located, new(located), null);
    }
}
