using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using SelfishGen.Cli.Benchmarks;

namespace SelfishGen.Cli.Commands;

/// <summary>
/// <c>selfish bench merge</c>: one table and one set of plots from several <c>bench quality</c> runs, e.g. a few methods
/// per process run side by side or over several days.
/// </summary>
public sealed class BenchMergeCommand : Command<BenchMergeCommand.Settings>
{
    /// <summary>The reports to merge and where the merged one goes.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>Folders holding a <c>quality.json</c>, or the JSON files themselves.</summary>
        [CommandArgument(0, "<REPORTS>")]
        [Description("Folders written by 'selfish bench quality' (or their quality.json files), in the order of the table's rows.")]
        public string[] Reports { get; init; } = [];

        /// <summary>Where the merged report and plots are written.</summary>
        [CommandOption("-o|--out <FOLDER>")]
        [Description("Where the merged quality.json, quality.md and plots are written.")]
        [DefaultValue("bench")]
        public string Out { get; init; } = "bench";

        /// <summary>Whether the reports read the same images from different paths, e.g. runs on two machines.</summary>
        [CommandOption("--data-moved")]
        [Description("The reports read the same images from different paths (e.g. runs on two machines): merge them if their image counts agree.")]
        public bool DataMoved { get; init; }

        /// <inheritdoc />
        public override ValidationResult Validate() =>
            Reports.FirstOrDefault(r => !Directory.Exists(r) && !File.Exists(r)) is { } missing
                ? ValidationResult.Error($"No report at '{missing}': give folders written by 'selfish bench quality --out' or their quality.json files.")
                : ValidationResult.Success();
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        QualityReport merged;
        try
        {
            merged = QualityReport.Merge([.. settings.Reports.Select(path => (path, QualityReport.Read(path)))], settings.DataMoved);
        }
        catch (Exception error) when (error is ArgumentException or IOException or System.Text.Json.JsonException or InvalidDataException)
        {
            AnsiConsole.MarkupLine($"[red]error[/]: {Markup.Escape(error.Message)}");
            return 1;
        }
        merged.Save(settings.Out);
        QualityPlots.Summary(merged.Results, settings.Out);
        AnsiConsole.Write(new Text(merged.ToMarkdown()));
        AnsiConsole.MarkupLine($"Merged {settings.Reports.Length} reports ({merged.Results.Count} methods) into [blue]{Markup.Escape(settings.Out)}[/].");
        return 0;
    }
}
