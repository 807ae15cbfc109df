using Spectre.Console;
using SelfishGen.Data;
using SelfishGen.Evaluation;
using SelfishGen.Modules;

namespace SelfishGen.Cli.Commands;

/// <summary>Evaluates an encoder next to its random initialisation and raw pixels; prints the table and saves JSON.</summary>
public static class EncoderReport
{
    /// <summary>Evaluates, prints, and writes <c>&lt;store&gt;.eval.json</c>; the baseline rows from the cache folder named by <paramref name="baselineCache"/> (a <c>--baseline-cache</c> value).</summary>
    public static EvaluationReport Print(Backbone trained, Backbone randomInit, IImageDataset train, IImageDataset test, string store, string? baselineCache)
    {
        AnsiConsole.MarkupLine($"Evaluating on {test.Count} held-out images ({train.Count} labelled for kNN and the linear probe)...");
        var baselines = new BaselineRowCache(UserCache.BaselineFolder(baselineCache));
        var report = EncoderEvaluation.Compare(trained, randomInit, train, test, baselines: baselines);
        if (baselines.Reused > 0)
            AnsiConsole.MarkupLine($"{baselines.Reused} of the 2 baseline rows (random init, raw pixels) kept by an earlier run in {Markup.Escape(baselines.Folder!)}.");
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"Accuracy on {test.Count} held-out images")
            .Caption($"kNN bank and linear probe: {train.Count} labelled training images (labels used only here). " +
                $"random init: the same {trained.GetType().Name} untrained; raw pixels: the {train.Shape.Channels * train.Shape.Height * train.Shape.Width} pixel values of each image.")
            .AddColumn("encoder").AddColumn(new TableColumn("kNN k=200").RightAligned())
            .AddColumn(new TableColumn("kNN k=20").RightAligned()).AddColumn(new TableColumn("linear").RightAligned());
        foreach (var row in report.Rows)
            table.AddRow(row.Encoder, Percent(row.Knn200), Percent(row.Knn20), row.Linear is { } linear ? Percent(linear) : "-");
        AnsiConsole.Write(table);

        var path = CheckpointFile.PathOf(store)[..^CheckpointFile.Extension.Length] + ".eval.json";
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, report.ToJson());
        AnsiConsole.MarkupLine($"Saved at [blue]{Markup.Escape(path)}[/].");
        return report;
    }

    private static string Percent(double accuracy) => $"{100 * accuracy:F1} %";
}
