using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using SelfishGen.Cli.Benchmarks;

namespace SelfishGen.Cli.Commands;

/// <summary>
/// <c>selfish bench speed</c>: images/s and ms/step of each method's training step on each backbone, next to the same
/// step in PyTorch run alternately in the same command, plus the data pipeline alone.
/// </summary>
public sealed class BenchSpeedCommand : Command<BenchSpeedCommand.Settings>
{
    /// <summary>Options of <c>selfish bench speed</c>.</summary>
    public sealed class Settings : BenchSettings
    {
        [CommandOption("--backbones <NAMES>")]
        [Description("resnet18 (3x32x32, batch 128) and/or convnet (1x28x28, batch 256), separated by ','.")]
        [DefaultValue("resnet18,convnet")]
        public string Backbones { get; init; } = "resnet18,convnet";

        [CommandOption("-b|--batch-size <N>")]
        [Description("Override every case's batch size.")]
        public int? BatchSize { get; init; }

        [CommandOption("--steps <N>")]
        [Description("Measured steps per round (after the warm-up steps).")]
        [DefaultValue(10)]
        public int Steps { get; init; } = 10;

        [CommandOption("--warmup <N>")]
        [DefaultValue(2)]
        public int Warmup { get; init; } = 2;

        [CommandOption("--rounds <N>")]
        [Description("Rounds of ours-then-PyTorch.")]
        [DefaultValue(3)]
        public int Rounds { get; init; } = 3;

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

        /// <inheritdoc />
        protected override IReadOnlyList<MethodSpec> DefaultSpecs() => MethodSpec.WithPyTorchReference();

        /// <inheritdoc />
        public override ValidationResult Validate() =>
            Steps < 1 || Rounds < 1 || Warmup < 0 ? ValidationResult.Error("--steps and --rounds must be at least 1, --warmup at least 0.")
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
        var cases = settings.Backbones.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(name => SpeedCase.Named(name, settings.BatchSize)).ToList();

        var python = settings.Python ?? PyTorchReference.DefaultPython;
        var reference = settings.NoReference ? null : new PyTorchReference(python);
        var torchVersion = reference?.TorchVersion();
        if (reference is not null && torchVersion is null)
        {
            AnsiConsole.MarkupLine($"[yellow]PyTorch reference skipped:[/] {Markup.Escape(python)} cannot import torch. Install it with: [bold]{PyTorchReference.InstallHint}[/]");
            reference = null;
        }
        var waitPolicy = Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") ?? "unset";
        var loadBefore = MachineLoad.Now();
        AnsiConsole.MarkupLine($"{threads} threads; PyTorch {torchVersion ?? "not used"}; OMP_WAIT_POLICY {Markup.Escape(waitPolicy)}; load average {loadBefore}");

        var measurement = new SpeedMeasurement(settings.Warmup, settings.Steps, settings.Rounds, threads, LearningRate,
            reference, Path.Combine(Path.GetTempPath(), "selfish-bench"));
        var results = new List<SpeedResult>();
        foreach (var speedCase in cases)
        {
            foreach (var spec in specs)
            {
                cancellation.ThrowIfCancellationRequested();
                AnsiConsole.MarkupLine($"[green]{Markup.Escape(spec.Label)}[/] on {speedCase.Backbone} {speedCase.Shape}, batch {speedCase.BatchSize}");
                results.Add(measurement.Measure(spec, speedCase, settings.Seed, line => AnsiConsole.WriteLine(line)));
            }
        }
        var pipeline = settings.NoPipeline ? null : DataPipelineSpeed.Measure(settings.PipelineData, 256, settings.Seed);
        var report = new SpeedReport(threads, torchVersion, waitPolicy, loadBefore, MachineLoad.Now(), settings.Steps, settings.Warmup, settings.Rounds, results, pipeline);
        AnsiConsole.Write(new Text(report.ToMarkdown()));
        report.Save(settings.Out);
        AnsiConsole.MarkupLine($"Saved [blue]{Markup.Escape(Path.Combine(settings.Out, "speed.json"))}[/] and speed.md.");
        return 0;
    }
}
