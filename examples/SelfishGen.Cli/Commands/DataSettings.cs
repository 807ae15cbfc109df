using System.ComponentModel;
using Spectre.Console.Cli;
using SelfishGen.Data;

namespace SelfishGen.Cli.Commands;

/// <summary>Options shared by commands that read a dataset and evaluate on a held-out part of it.</summary>
public abstract class DataSettings : CommandSettings
{
    /// <summary>The folder name used when <c>--data</c> is not given and the folder exists.</summary>
    public const string DefaultFolder = "dataset";

    [CommandOption("-d|--data <PATH>")]
    [Description("Images: a folder of images (class sub-folders = labelled), a folder of IDX files, or 'sample' (the bundled Fashion-MNIST sample). Default: dataset/ if it exists, else the sample.")]
    public string? Data { get; init; }

    [CommandOption("--image-size <PIXELS>")]
    [Description("Resize every image to this square size (needed when a folder's images differ in size).")]
    public int? ImageSize { get; init; }

    [CommandOption("--limit <IMAGES>")]
    [Description("Use at most this many images of the data, a random choice drawn from --seed (for quick trials).")]
    public int? Limit { get; init; }

    [CommandOption("--test-fraction <FRACTION>")]
    [Description("Share of a labelled dataset held out for evaluation (stratified).")]
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

    /// <summary>The data path in effect.</summary>
    public string DataPath => Data ?? (Directory.Exists(DefaultFolder) ? DefaultFolder : "sample");

    /// <summary>Opens the dataset (at most <see cref="Limit"/> images of it).</summary>
    public IImageDataset OpenData()
    {
        var data = Datasets.Open(DataPath, ImageSize);
        return Limit is { } limit ? DatasetSplit.Sample(data, limit, Seed) : data;
    }

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
