using System.ComponentModel;
using Spectre.Console.Cli;
using SelfishGen.Cli.Benchmarks;
using SelfishGen.Data;

namespace SelfishGen.Cli.Commands;

/// <summary>Options shared by commands that read a dataset and evaluate on a held-out part of it.</summary>
public abstract class DataSettings : CommandSettings
{
    /// <summary>The folder name used when <c>--data</c> is not given and the folder exists.</summary>
    public const string DefaultFolder = "dataset";

    [CommandOption("-d|--data <PATH>")]
    [Description("Images: a folder of images (class sub-folders = labelled), a folder of IDX files, 'sample' (the bundled Fashion-MNIST sample), 'fashion-mnist' ($SELFISH_FASHION_MNIST, else Debian's dataset-fashion-mnist), 'cifar10' ($SELFISH_CIFAR10, dataset/cifar10 or dataset/cifar10-jpeg.tar.gz), a .tar.gz of CIFAR-10 JPEGs, or a folder with train/ and test/; data with a test split of its own trains on its training images and is evaluated on its test images. Default: dataset/ if it exists, else the sample.")]
    public string? Data { get; init; }

    [CommandOption("--image-size <PIXELS>")]
    [Description("Resize every image to this square size (needed when a folder's images differ in size).")]
    public int? ImageSize { get; init; }

    [CommandOption("--limit <IMAGES>")]
    [Description("Use at most this many images of the data, a random choice drawn from --seed (for quick trials).")]
    public int? Limit { get; init; }

    [CommandOption("--test-fraction <FRACTION>")]
    [Description("Share of a labelled dataset held out for evaluation (stratified), when it has no test split of its own.")]
    [DefaultValue(0.2)]
    public double TestFraction { get; init; } = 0.2;

    [CommandOption("--seed <SEED>")]
    [Description("Seed of initialisation, data order, augmentations and the held-out split.")]
    [DefaultValue(0)]
    public int Seed { get; init; }

    [CommandOption("--threads <N>")]
    [Description("CPU threads for tensor operations (default: all cores, shared out among the ranks mpirun starts on this machine).")]
    public int? Threads { get; init; }

    [CommandOption("--baseline-cache <FOLDER>")]
    [Description(UserCache.BaselineCacheHelp)]
    public string? BaselineCache { get; init; }

    private DataLocation? _location;

    /// <summary>Where the data in effect lives: <c>--data</c>, else <c>dataset/</c> if it exists, else the sample.</summary>
    public DataLocation Location => _location ??= DataLocation.Of(Data ?? (Directory.Exists(DefaultFolder) ? DefaultFolder : Datasets.SampleName), cifar10: null);

    /// <summary>The data in effect, for messages.</summary>
    public string DataPath => Location.Name;

    /// <summary>Opens the images to train on (at most <see cref="Limit"/> of them).</summary>
    public IImageDataset OpenData()
    {
        var data = Location.Train.Open(ImageSize);
        return Limit is { } limit ? DatasetSplit.Sample(data, limit, Seed) : data;
    }

    /// <summary>
    /// The images to train on and to evaluate on: <paramref name="data"/> and the data's own test split when it has
    /// one (read only now), else <paramref name="data"/> split by <see cref="TestFraction"/> (stratified, by <see cref="Seed"/>).
    /// </summary>
    public (IImageDataset Train, IImageDataset Test) Splits(IImageDataset data) =>
        Location.Test is { } test ? (data, test.Open(ImageSize)) : DatasetSplit.Split(data, TestFraction, Seed);

    /// <summary>Applies the thread setting.</summary>
    public void ApplyThreads() =>
        torch.set_num_threads(Threads ?? Math.Max(1, Environment.ProcessorCount / Distributed.Communicators.LocalRanks()));

    /// <inheritdoc />
    public override Spectre.Console.ValidationResult Validate() =>
        TestFraction is <= 0 or >= 1 ? Spectre.Console.ValidationResult.Error("--test-fraction must be in (0, 1).")
        : Limit is < 2 ? Spectre.Console.ValidationResult.Error("--limit must be at least 2 images.")
        : ImageSize is < 8 ? Spectre.Console.ValidationResult.Error("--image-size must be at least 8.")
        : Threads is < 1 ? Spectre.Console.ValidationResult.Error("--threads must be at least 1.")
        : Spectre.Console.ValidationResult.Success();
}
