using System.Globalization;
using System.Text;

namespace SelfishGen.Cli.Benchmarks;

/// <summary>Everything one <c>selfish bench quality</c> run measured, as JSON and as a Markdown table.</summary>
/// <param name="Data">The dataset.</param>
/// <param name="TrainImages">Images pre-trained on.</param>
/// <param name="EvalTrainImages">Labelled images of the kNN bank and linear probe.</param>
/// <param name="TestImages">Images the accuracies are measured on.</param>
/// <param name="BatchSize">Images per step of every method; null when each method trained with its recipe's.</param>
/// <param name="Threads">CPU threads; 0 in a merged report whose runs used different counts (each row has its own).</param>
/// <param name="Load">Load average at the end of the run; empty in a merged report (each row has its own).</param>
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
            .AppendLine(Invariant($"{Data}: pre-trained on {TrainImages} images, {(BatchSize is { } batch ? Invariant($"batch {batch}") : "each method's recipe")}{(Threads > 0 ? Invariant($", {Threads} threads") : "")}; kNN bank and linear probe on {EvalTrainImages} labelled images, tested on {TestImages}{(Load.Length > 0 ? $"; load average {Load} at the end" : "")}."))
            .AppendLine()
            .AppendLine("| method | backbone | budget | steps | epochs | images/s | CPU min | kNN@200 | kNN@20 | linear | kNN@200 vs random init | linear vs random init | kNN@200 vs raw pixels | threads, load at its end |")
            .AppendLine("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in Results)
        {
            var (trained, random, pixels) = (r.Trained, r.RandomInit, r.RawPixels);
            text.AppendLine(Invariant(
                $"| {r.Label} | {r.Backbone} | {r.Budget} | {r.Steps} | {r.Epochs:F2} | {r.ImagesPerSecond:F0} | {(r.CpuSeconds is { } cpu ? (cpu / 60).ToString("F1", CultureInfo.InvariantCulture) : "-")} | {Percent(trained.Knn200)} | {Percent(trained.Knn20)} | {Percent(trained.Linear)} | {Points(trained.Knn200 - random.Knn200)} | {Points(trained.Linear - random.Linear)} | {Points(trained.Knn200 - pixels.Knn200)} | {r.Threads}, {r.Load} |"));
        }
        if (Results.Count > 0)
        {
            var (random, pixels) = (Results[0].RandomInit, Results[0].RawPixels);
            text.AppendLine()
                .AppendLine(Invariant($"Baselines (each row's gains are against its own method's random init; this is {Results[0].Label}'s): {Results[0].Backbone} at random init kNN@200 {Percent(random.Knn200)}, kNN@20 {Percent(random.Knn20)}, linear {Percent(random.Linear)}; raw pixels kNN@200 {Percent(pixels.Knn200)}, kNN@20 {Percent(pixels.Knn20)}."));
        }
        var overSeeds = SeedSummary.Of(Results);
        if (overSeeds.Count > 0)
        {
            text.AppendLine()
                .AppendLine("Over seeds (mean ± sample standard deviation; each run's gains against its own seed's random init):")
                .AppendLine()
                .AppendLine("| method | seeds | kNN@200 | linear | kNN@200 vs random init | linear vs random init |")
                .AppendLine("|---|---|---:|---:|---:|---:|");
            foreach (var s in overSeeds)
                text.AppendLine($"| {s.Method} | {string.Join(", ", s.Seeds)} | {Percent(s.Knn200)} | {Percent(s.Linear)} | {Points(s.Knn200Gain)} | {Points(s.LinearGain)} |");
        }
        if (Results.Any(r => r.Recipe.Length > 0))
            text.AppendLine().AppendLine("Recipes:").AppendLine();
        foreach (var r in Results.Where(r => r.Recipe.Length > 0))
            text.AppendLine($"- {r.Label}: {r.Recipe}");
        foreach (var skipped in Skipped)
            text.AppendLine().AppendLine($"Skipped {skipped}");
        return text.ToString();
    }

    /// <summary>Writes <c>quality.json</c> and <c>quality.md</c> into <paramref name="folder"/>.</summary>
    public void Save(string folder) => ReportFiles.Save(folder, FileName, this, ToMarkdown());

    /// <summary>Reads a report that <see cref="Save"/> wrote: <paramref name="path"/> is its folder or its JSON file.</summary>
    public static QualityReport Read(string path) =>
        ReportFiles.Read<QualityReport>(Directory.Exists(path) ? Path.Combine(path, FileName + ".json") : path);

    /// <summary>
    /// One report of the runs of several <c>bench quality</c> processes (a few methods each, e.g. side by side on the
    /// cores): they must have measured the same data and splits, and no method twice with one seed. Rows of reports written before
    /// rows recorded their threads and load take their report's. <paramref name="dataMovedBetweenRuns"/> says that the
    /// same images were read from other paths (e.g. on two machines): the image counts must still agree.
    /// </summary>
    public static QualityReport Merge(IReadOnlyList<(string Source, QualityReport Report)> reports, bool dataMovedBetweenRuns = false)
    {
        if (reports.Count == 0)
            throw new ArgumentException("Nothing to merge: give at least one report.");
        var first = reports[0];
        var same = (first.Report.Data, first.Report.TrainImages, first.Report.EvalTrainImages, first.Report.TestImages);
        foreach (var (source, report) in reports.Skip(1))
        {
            var data = dataMovedBetweenRuns ? same.Data : report.Data;
            if ((data, report.TrainImages, report.EvalTrainImages, report.TestImages) != same)
                throw new ArgumentException(Invariant(
                    $"{source} measured {report.Data} ({report.TrainImages} / {report.EvalTrainImages} / {report.TestImages} images), {first.Source} {first.Report.Data} ({first.Report.TrainImages} / {first.Report.EvalTrainImages} / {first.Report.TestImages}): only runs on the same data and splits can share a table{(data == same.Data ? "" : " (the same images under another path: add --data-moved)")}."));
        }
        var results = reports.SelectMany(r => r.Report.Results.Select(result => (r.Source, Result: result.Threads > 0 ? result : result with { Threads = r.Report.Threads, Load = r.Report.Load }))).ToList();
        if (results.GroupBy(r => r.Result.Label).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ArgumentException($"{twice.Key} is in {string.Join(" and ", twice.Select(r => r.Source))}: keep one of its runs (runs with other seeds are rows of their own).");
        var threads = results.Select(r => r.Result.Threads).Distinct().ToList();
        var batches = reports.Select(r => r.Report.BatchSize).Distinct().ToList();
        return new QualityReport(
            same.Data, same.TrainImages, same.EvalTrainImages, same.TestImages, batches.Count == 1 ? batches[0] : null,
            threads.Count == 1 ? threads[0] : 0, "", [.. results.Select(r => r.Result)], [.. reports.SelectMany(r => r.Report.Skipped).Distinct()]);
    }

    private const string FileName = "quality";

    private static string Percent(double? accuracy) => accuracy is { } a ? (100 * a).ToString("F2", CultureInfo.InvariantCulture) + " %" : "-";

    private static string Points(double? gain) => gain is { } g ? (100 * g).ToString("+0.00;-0.00", CultureInfo.InvariantCulture) : "-";

    private static string Percent(Spread? spread) =>
        spread is { } s ? Invariant($"{100 * s.Mean:F2} ± {100 * s.StandardDeviation:F2} %") : "-";

    private static string Points(Spread? spread) =>
        spread is { } s ? $"{Points(s.Mean)} ± {(100 * s.StandardDeviation).ToString("F2", CultureInfo.InvariantCulture)}" : "-";

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
