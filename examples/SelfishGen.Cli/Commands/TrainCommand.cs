using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using SelfishGen.Data;
using SelfishGen.Hosting;

namespace SelfishGen.Cli.Commands;

/// <summary><c>selfish train</c>: pre-trains a method, saves it under <c>store/</c>, then evaluates its encoder.</summary>
public sealed class TrainCommand : Command<TrainCommand.Settings>
{
    /// <summary>Options of <c>selfish train</c>.</summary>
    public sealed class Settings : DataSettings
    {
        [CommandOption("-m|--method <NAME>")]
        [Description("The method to train (see 'selfish list').")]
        [DefaultValue("RotateNet")]
        public string Method { get; init; } = "RotateNet";

        [CommandOption("-e|--epochs <N>")]
        [DefaultValue(10)]
        public int Epochs { get; init; } = 10;

        [CommandOption("-b|--batch-size <N>")]
        [DefaultValue(64)]
        public int BatchSize { get; init; } = 64;

        [CommandOption("--lr <RATE>")]
        [DefaultValue(1e-3)]
        public double LearningRate { get; init; } = 1e-3;

        [CommandOption("--optimizer <NAME>")]
        [Description("adam, adamw or sgd.")]
        [DefaultValue(OptimizerKind.Adam)]
        public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;

        [CommandOption("--cosine")]
        [Description("Cosine learning-rate decay (with one epoch of warm-up) instead of a constant rate.")]
        public bool Cosine { get; init; }

        [CommandOption("-s|--store <NAME>")]
        [Description("Checkpoint name: store/RotateNet writes store/RotateNet.ckpt. Default: store/<method>. A fresh run keeps a checkpoint of another run found there as <name>.previous.ckpt.")]
        public string? Store { get; init; }

        [CommandOption("--resume")]
        [Description("Continue from the checkpoint --store (weights, optimizer, position); the settings must be those it was trained with.")]
        public bool Resume { get; init; }

        [CommandOption("--allow-changes")]
        [Description("With --resume: continue even though settings, hyperparameters or data differ from the checkpoint's.")]
        public bool AllowChanges { get; init; }

        [CommandOption("--checkpoint-every <INTERVAL>")]
        [Description("Write a checkpoint every N steps (500), every so much time (90s, 10m, 2h), or only at the end ('end').")]
        [DefaultValue("5m")]
        public string CheckpointEvery { get; init; } = "5m";

        [CommandOption("--skip-non-finite")]
        [Description("Skip a step whose loss or gradient is NaN or infinite (counted and reported) instead of stopping.")]
        public bool SkipNonFinite { get; init; }

        [CommandOption("--log-steps <FILE>")]
        [Description("Append one CSV line per step (step, epoch, loss, learning rate, resident memory) to this file.")]
        public string? LogSteps { get; init; }

        [CommandOption("--device <DEVICE>")]
        [Description("cpu, cuda, cuda:N or auto.")]
        [DefaultValue("auto")]
        public string Device { get; init; } = "auto";

        [CommandOption("--workers <N>")]
        [Description("Extra batches prepared ahead while a step trains.")]
        [DefaultValue(1)]
        public int Workers { get; init; } = 1;

        [CommandOption("--set <NAME=VALUE>")]
        [Description("Set a hyperparameter, e.g. --set LabelSmoothing=0.1 (repeatable).")]
        public string[] Set { get; init; } = [];

        [CommandOption("--no-eval")]
        [Description("Skip the kNN / linear evaluation after training.")]
        public bool NoEval { get; init; }

        /// <inheritdoc />
        public override ValidationResult Validate() =>
            Epochs < 1 ? ValidationResult.Error("--epochs must be at least 1.")
            : BatchSize < 2 ? ValidationResult.Error("--batch-size must be at least 2.")
            : LearningRate <= 0 ? ValidationResult.Error("--lr must be positive.")
            : Workers < 0 ? ValidationResult.Error("--workers must be 0 or more.")
            : AllowChanges && !Resume ? ValidationResult.Error("--allow-changes goes with --resume.")
            : base.Validate();
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        NativeAllocator.KeepFreedMemory();
        settings.ApplyThreads();
        var descriptor = MethodRegistry.Get(settings.Method);
        var options = OptionOverrides.Apply(descriptor, settings.Set.Select(OptionOverrides.ParsePair));
        var checkpointEvery = CheckpointInterval.Parse(settings.CheckpointEvery);
        var device = Devices.Parse(settings.Device);
        var data = settings.OpenData();
        var store = settings.Store ?? CheckpointFile.DefaultName(descriptor.Name);
        SkippedFilesReport.Print(data, store + ".skipped.txt");
        (IImageDataset train, IImageDataset? test) = (data, null);
        if (data.ClassNames.Count > 0 && !settings.NoEval)
            (train, test) = DatasetSplit.Split(data, settings.TestFraction, settings.Seed);

        AnsiConsole.MarkupLine($"[green]Train with {descriptor.Name}[/] on {Markup.Escape(settings.DataPath)}: {train.Count} images of {train.Shape}, device {device}, checkpoints to {Markup.Escape(store)} {checkpointEvery}");
        var method = descriptor.Instantiate(DatasetInfo.Of(train), options, settings.Seed);
        method.Dataset = train;
        using var log = settings.LogSteps is { } logPath ? new StepLog(logPath) : null;
        var report = TrainingProgress.Run(method, (progress, token) => method.Supervise(
            lr: settings.LearningRate,
            optimizer: settings.Optimizer,
            epochs: settings.Epochs,
            batchSize: settings.BatchSize,
            numWorkers: settings.Workers,
            name: store,
            pretrained: settings.Resume,
            lrScheduler: settings.Cosine ? LrSchedule.Cosine(warmupSteps: train.Count / settings.BatchSize) : LrSchedule.Constant,
            seed: settings.Seed,
            device: device,
            checkpointEvery: checkpointEvery,
            onNonFinite: settings.SkipNonFinite ? NonFiniteSteps.Skip : NonFiniteSteps.Stop,
            allowChanges: settings.AllowChanges,
            observer: log is null ? progress : new TrainingObservers(progress, log),
            cancellation: token), cancellation);
        AnsiConsole.MarkupLine($"Trained {report.StepLosses.Count} steps at {report.ImagesPerSecond:F0} images/s.");
        if (report.SkippedSteps.Count > 0)
            AnsiConsole.MarkupLine($"[yellow]Skipped {report.SkippedSteps.Count} step(s) with a non-finite loss or gradient:[/] {string.Join(", ", report.SkippedSteps)}");

        if (test is not null)
            EncoderReport.Print(method.GetBackbone(), descriptor.Instantiate(method.Data, options, settings.Seed).GetBackbone(), train, test, store);
        return 0;
    }
}
