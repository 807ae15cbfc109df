using System.Globalization;
using System.Text;

namespace SelfishGen.Cli.Benchmarks;

/// <summary>Everything one <c>selfish bench quality</c> run measured, as JSON and as a Markdown table.</summary>
/// <param name="Data">The dataset.</param>
/// <param name="TrainImages">Images pre-trained on.</param>
/// <param name="EvalTrainImages">Labelled images of the kNN bank and linear probe.</param>
/// <param name="TestImages">Images the accuracies are measured on.</param>
/// <param name="BatchSize">Images per step of every method; null when each method trained with its recipe's.</param>
/// <param name="Threads">CPU threads.</param>
/// <param name="Load">Load average at the end of the run.</param>
/// <param name="Results">One row per method.</param>
/// <param name="Skipped">Methods that cannot train on this data, each with the reason (e.g. colour methods on grayscale images).</param>
public sealed record QualityReport(
    string Data, int TrainImages, int EvalTrainImages, int TestImages, int? BatchSize, int Threads, string Load,
    IReadOnlyList<QualityResult> Results, IReadOnlyList<string> Skipped)
{
    /// <summary>The table as Markdown; gains are in percentage points.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder()
            .AppendLine(Invariant($"{Data}: pre-trained on {TrainImages} images, {(BatchSize is { } batch ? Invariant($"batch {batch}") : "each method's recipe")}, {Threads} threads; kNN bank and linear probe on {EvalTrainImages} labelled images, tested on {TestImages}; load average {Load} at the end."))
            .AppendLine()
            .AppendLine("| method | backbone | budget | steps | epochs | images/s | kNN@200 | kNN@20 | linear | kNN@200 vs random init | linear vs random init | kNN@200 vs raw pixels |")
            .AppendLine("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in Results)
        {
            var (trained, random, pixels) = (r.Trained, r.RandomInit, r.RawPixels);
            text.AppendLine(Invariant(
                $"| {r.Method} | {r.Backbone} | {r.Budget} | {r.Steps} | {r.Epochs:F2} | {r.ImagesPerSecond:F0} | {Percent(trained.Knn200)} | {Percent(trained.Knn20)} | {Percent(trained.Linear)} | {Points(trained.Knn200 - random.Knn200)} | {Points(trained.Linear - random.Linear)} | {Points(trained.Knn200 - pixels.Knn200)} |"));
        }
        if (Results.Count > 0)
        {
            var (random, pixels) = (Results[0].RandomInit, Results[0].RawPixels);
            text.AppendLine()
                .AppendLine(Invariant($"Baselines (each row's gains are against its own method's random init; this is {Results[0].Method}'s): {Results[0].Backbone} at random init kNN@200 {Percent(random.Knn200)}, kNN@20 {Percent(random.Knn20)}, linear {Percent(random.Linear)}; raw pixels kNN@200 {Percent(pixels.Knn200)}, kNN@20 {Percent(pixels.Knn20)}."));
        }
        if (Results.Any(r => r.Recipe.Length > 0))
            text.AppendLine().AppendLine("Recipes:").AppendLine();
        foreach (var r in Results.Where(r => r.Recipe.Length > 0))
            text.AppendLine($"- {r.Method}: {r.Recipe}");
        foreach (var skipped in Skipped)
            text.AppendLine().AppendLine($"Skipped {skipped}");
        return text.ToString();
    }

    /// <summary>Writes <c>quality.json</c> and <c>quality.md</c> into <paramref name="folder"/>.</summary>
    public void Save(string folder) => ReportFiles.Save(folder, "quality", this, ToMarkdown());

    private static string Percent(double? accuracy) => accuracy is { } a ? (100 * a).ToString("F2", CultureInfo.InvariantCulture) + " %" : "-";

    private static string Points(double? gain) => gain is { } g ? (100 * g).ToString("+0.00;-0.00", CultureInfo.InvariantCulture) : "-";

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
