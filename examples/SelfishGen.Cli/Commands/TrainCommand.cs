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
        [Description("Checkpoint name: store/base writes store/base.ckpt.")]
        [DefaultValue("store/base")]
        public string Store { get; init; } = "store/base";

        [CommandOption("--resume")]
        [Description("Continue from the checkpoint --store (weights, optimizer, position).")]
        public bool Resume { get; init; }

        [CommandOption("--device <DEVICE>")]
        [Description("cpu, cuda, cuda:N or auto.")]
        [DefaultValue("auto")]
        public string Device { get; init; } = "auto";

        [CommandOption("--precision <NAME>")]
        [Description("fp32, or mixed precision: bf16 (a CPU with AVX-512 BF16 or AMX, or CUDA), fp16 (CUDA). Backbone convolutions compute in it; weights, heads and losses stay float32.")]
        [DefaultValue("fp32")]
        public string Precision { get; init; } = "fp32";

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
            : base.Validate();
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        NativeAllocator.KeepFreedMemory();
        settings.ApplyThreads();
        var descriptor = MethodRegistry.Get(settings.Method);
        var options = OptionOverrides.Apply(descriptor, settings.Set.Select(OptionOverrides.ParsePair));
        var device = Devices.Parse(settings.Device);
        var precision = MixedPrecision.Parse(settings.Precision);
        MixedPrecision.LowPrecisionType(precision, device); // refuses what this device cannot run before any work
        var data = settings.OpenData();
        (IImageDataset train, IImageDataset? test) = (data, null);
        if (data.ClassNames.Count > 0 && !settings.NoEval)
            (train, test) = DatasetSplit.Split(data, settings.TestFraction, settings.Seed);

        AnsiConsole.MarkupLine($"[green]Train with {descriptor.Name}[/] on {Markup.Escape(settings.DataPath)}: {train.Count} images of {train.Shape}, device {device}, {settings.Precision}");
        var method = descriptor.Instantiate(DatasetInfo.Of(train), options, settings.Seed);
        method.Dataset = train;
        var report = TrainingProgress.Run(method, (observer, token) => method.Supervise(
            lr: settings.LearningRate,
            optimizer: settings.Optimizer,
            epochs: settings.Epochs,
            batchSize: settings.BatchSize,
            numWorkers: settings.Workers,
            name: settings.Store,
            pretrained: settings.Resume,
            lrScheduler: settings.Cosine ? LrSchedule.Cosine(warmupSteps: train.Count / settings.BatchSize) : LrSchedule.Constant,
            seed: settings.Seed,
            device: device,
            precision: precision,
            observer: observer,
            cancellation: token), cancellation);
        AnsiConsole.MarkupLine($"Trained {report.StepLosses.Count} steps at {report.ImagesPerSecond:F0} images/s.");

        if (test is not null)
            EncoderReport.Print(method.GetBackbone(), descriptor.Instantiate(method.Data, options, settings.Seed).GetBackbone(), train, test, settings.Store);
        return 0;
    }
}
