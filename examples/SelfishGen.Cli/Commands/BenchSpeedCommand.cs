using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using SelfishGen.Cli.Benchmarks;

namespace SelfishGen.Cli.Commands;

/// <summary>
/// <c>selfish bench speed</c>: ms/step (wall clock and CPU) of each method's training step on each backbone, next to
/// the same step in PyTorch run alternately in the same command, plus the data pipeline alone. The defaults are a
/// quick run (a few minutes on 2 cores); <c>--full</c> is the sweep.
/// </summary>
public sealed class BenchSpeedCommand : Command<BenchSpeedCommand.Settings>
{
    /// <summary>Options of <c>selfish bench speed</c>.</summary>
    public sealed class Settings : BenchSettings
    {
        [CommandOption("--full")]
        [Description("The full sweep: ResNet-18 (batch 128), EfficientNet-B0 (3x96x96, batch 64) and the ConvNet (1x28x28, batch 256); every method with a reference; 2 warm-up + 5 measured steps x 3 rounds.")]
        public bool Full { get; init; }

        [CommandOption("--backbones <NAMES>")]
        [Description("Cases to run, separated by ',': resnet18 (3x32x32, batch 32), efficientnetb0 (3x64x64, batch 32); with --full also convnet. Default: all cases.")]
        public string? Backbones { get; init; }

        [CommandOption("-b|--batch-size <N>")]
        [Description("Override every case's batch size.")]
        public int? BatchSize { get; init; }

        [CommandOption("--steps <N>")]
        [Description("Measured steps per round (after the warm-up steps). Default 2, with --full 5.")]
        public int? Steps { get; init; }

        [CommandOption("--warmup <N>")]
        [Description("Warm-up steps per round, not measured. Default 1, with --full 2.")]
        public int? Warmup { get; init; }

        [CommandOption("--rounds <N>")]
        [Description("Rounds of ours-then-PyTorch. Default 2, with --full 3.")]
        public int? Rounds { get; init; }

        [CommandOption("--precision <NAME>")]
        [Description("Also time our step in this mixed precision (bf16; fp16 on CUDA), from the same weights in the same rounds, against float32. Default: float32 only.")]
        public string? Precision { get; init; }

        [CommandOption("--no-reference")]
        [Description("Skip the PyTorch reference.")]
        public bool NoReference { get; init; }

        [CommandOption("--python <PATH>")]
        [Description("The Python with torch for the reference (default: /usr/bin/python3 when it exists, else python3).")]
        public string? Python { get; init; }

        [CommandOption("--no-pipeline")]
        [Description("Skip the data-pipeline measurement.")]
        public bool NoPipeline { get; init; }

        [CommandOption("--pipeline-data <FOLDER>")]
        [Description("Image folder for the data-pipeline measurement (default: 2048 synthetic 32x32 JPEGs).")]
        public string? PipelineData { get; init; }

        /// <summary>Measured steps per round in effect.</summary>
        public int MeasuredSteps => Steps ?? (Full ? 5 : 2);

        /// <summary>Warm-up steps per round in effect.</summary>
        public int WarmupSteps => Warmup ?? (Full ? 2 : 1);

        /// <summary>Rounds in effect.</summary>
        public int RoundCount => Rounds ?? (Full ? 3 : 2);

        /// <summary>The mixed precision to time next to float32, or <see cref="SelfishGen.Precision.Float32"/> for none.</summary>
        public Precision MixedPrecisionToTime => Precision is { } name ? MixedPrecision.Parse(name) : SelfishGen.Precision.Float32;

        /// <summary>The cases to run: those named by <c>--backbones</c>, or all of the quick or full set.</summary>
        public IReadOnlyList<SpeedCase> Cases()
        {
            var available = Full ? SpeedCase.Full : SpeedCase.Quick;
            return Backbones is { } names
                ? [.. names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(name => SpeedCase.Named(name, available, BatchSize))]
                : [.. available.Select(c => BatchSize is { } size ? c with { BatchSize = size } : c)];
        }

        /// <inheritdoc />
        protected override IReadOnlyList<MethodSpec> DefaultSpecs() => MethodSpec.WithPyTorchReference(Full);

        /// <inheritdoc />
        public override ValidationResult Validate() =>
            MeasuredSteps < 1 || RoundCount < 1 || WarmupSteps < 0 ? ValidationResult.Error("--steps and --rounds must be at least 1, --warmup at least 0.")
            : BatchSize is < 2 ? ValidationResult.Error("--batch-size must be at least 2.")
            : base.Validate();
    }

    private const double LearningRate = 1e-3;

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        settings.PrepareTorch();
        var threads = settings.ThreadCount;
        var specs = settings.Specs();
        var cases = settings.Cases();
        var mixed = settings.MixedPrecisionToTime;
        MixedPrecision.LowPrecisionType(mixed, torch.CPU); // refuses a precision this CPU cannot run before any work

        var python = settings.Python ?? PyTorchReference.DefaultPython;
        var reference = settings.NoReference ? null : new PyTorchReference(python);
        var torchVersion = reference?.TorchVersion();
        if (reference is not null && torchVersion is null)
        {
            AnsiConsole.MarkupLine($"[yellow]PyTorch reference skipped:[/] {Markup.Escape(python)} cannot import torch. Install it with: [bold]{PyTorchReference.InstallHint}[/]");
            reference = null;
        }
        var waitPolicy = Hosting.OpenMpWaiting.Current ?? "unset";
        var loadBefore = MachineLoad.Now();
        AnsiConsole.MarkupLine($"{threads} threads; PyTorch {torchVersion ?? "not used"}; OpenMP waiting {Markup.Escape(waitPolicy)}; load average {loadBefore}");

        var measurement = new SpeedMeasurement(settings.WarmupSteps, settings.MeasuredSteps, settings.RoundCount, threads, LearningRate,
            reference, Path.Combine(Path.GetTempPath(), "selfish-bench"), mixed);
        var results = new List<SpeedResult>();
        foreach (var speedCase in cases)
        {
            foreach (var spec in specs)
            {
                cancellation.ThrowIfCancellationRequested();
                AnsiConsole.MarkupLine($"[green]{Markup.Escape(spec.Label)}[/] on {speedCase.Backbone} {speedCase.Shape}, batch {speedCase.BatchSize}");
                var result = measurement.Measure(spec, speedCase, settings.Seed, line => AnsiConsole.WriteLine(line));
                AnsiConsole.WriteLine(result.Summary());
                results.Add(result);
            }
        }
        var pipeline = settings.NoPipeline ? null : DataPipelineSpeed.Measure(settings.PipelineData, 256, settings.Seed);
        var report = new SpeedReport(threads, torchVersion, waitPolicy, loadBefore, MachineLoad.Now(), settings.MeasuredSteps, settings.WarmupSteps, settings.RoundCount, results, pipeline);
        AnsiConsole.Write(new Text(report.ToMarkdown()));
        report.Save(settings.Out);
        AnsiConsole.MarkupLine($"Saved [blue]{Markup.Escape(Path.Combine(settings.Out, "speed.json"))}[/] and speed.md.");
        return 0;
    }
}
