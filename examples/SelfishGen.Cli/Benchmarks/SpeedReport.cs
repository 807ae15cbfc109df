using System.Globalization;
using System.Text;

namespace SelfishGen.Cli.Benchmarks;

/// <summary>Everything one <c>selfish bench speed</c> run measured, as JSON and as a Markdown table.</summary>
/// <param name="Threads">Intra-op threads on both sides.</param>
/// <param name="Torch">The reference's torch version; null when it did not run.</param>
/// <param name="OpenMpWaitPolicy">
/// The OpenMP waiting settings of both processes (<see cref="Hosting.OpenMpWaiting.Current"/>; the reference inherits
/// our environment), or "unset" for the runtime's default: on a loaded machine, threads that spin long while waiting
/// slow a step down several times.
/// </param>
/// <param name="LoadBefore">Load average when the run began.</param>
/// <param name="LoadAfter">Load average when it ended.</param>
/// <param name="Steps">Measured steps per round.</param>
/// <param name="Warmup">Warm-up steps per round.</param>
/// <param name="Rounds">Rounds per measurement.</param>
/// <param name="Results">One row per method and backbone.</param>
/// <param name="Pipeline">The data pipeline alone; null when skipped.</param>
public sealed record SpeedReport(
    int Threads, string? Torch, string OpenMpWaitPolicy, string LoadBefore, string LoadAfter, int Steps, int Warmup, int Rounds,
    IReadOnlyList<SpeedResult> Results, DataPipelineSpeed? Pipeline)
{
    /// <summary>The tables as Markdown.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"{Threads} threads, {Warmup} warm-up + {Steps} measured steps x {Rounds} rounds, ours and PyTorch {Torch ?? "(not run)"} alternating; OpenMP waiting {OpenMpWaitPolicy}; load average {LoadBefore} before, {LoadAfter} after."))
            .AppendLine()
            .AppendLine("| method | backbone | input | batch | ours ms/step | PyTorch ms/step | ours/PyTorch | ours CPU ms/step | PyTorch CPU ms/step | CPU ours/PyTorch | ours augmentation ms/step | (ours - augmentation)/PyTorch | ours pretext inputs ms/step | ours step / inputs | first-step loss ours / PyTorch | peak memory rise MB ours / PyTorch | load after |")
            .AppendLine("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---|");
        foreach (var r in Results)
        {
            var missing = r.HasReference ? "-" : "no reference";
            text.AppendLine(Invariant(
                $"| {r.Method} | {r.Backbone} | {r.Input} | {r.BatchSize} | {1000 * r.OursSeconds:F0} | {Optional(1000 * r.ReferenceSeconds, "F0", missing)} | {Optional(r.Ratio, "F2", missing)} | {1000 * r.OursCpuSeconds:F0} | {Optional(1000 * r.ReferenceCpuSeconds, "F0", missing)} | {Optional(r.CpuRatio, "F2", missing)} | {Optional(1000 * r.AugmentationSeconds, "F0")} | {Optional(r.RatioWithoutAugmentation, "F2")} | {Optional(1000 * r.PretextSeconds, "F1")} | {Optional(r.InputHeadroom, "F0")} | {r.OursFirstLoss:F6} / {Optional(r.ReferenceFirstLoss, "F6", missing)} (diff {Optional(r.LossDifference, "E1")}) | {Optional(r.OursPeakMemoryRise / SpeedResult.Megabyte, "F0")} / {Optional(r.ReferencePeakMemoryRise / SpeedResult.Megabyte, "F0", missing)} | {r.Load} |"));
        }
        if (Results.Any(r => r.AugmentationSeconds is not null))
            text.AppendLine()
                .AppendLine("Our step draws its augmented views inside the step; PyTorch's is given the same views, drawn beforehand. "
                    + "The augmentation column is the median time of drawing one step's views alone, so (ours - augmentation)/PyTorch compares the same work.");
        if (Results.Any(r => r.OursPeakMemoryRise is not null))
            text.AppendLine()
                .AppendLine("Peak memory rise: the process's resident high-water mark over its first round, above its resident size just before the optimizer was made "
                    + "(freed memory given back first): gradients, optimizer state, and the most the steps held at once.");
        if (Results.Any(r => r.InputHeadroom is not null))
            text.AppendLine()
                .AppendLine("Step / inputs is our step time over the time of making its inputs alone (its views, or its pretext task's inputs, which PyTorch's step makes too): "
                    + "one over it is the share of the step they take (goal: at least 3).");
        if (Results.FirstOrDefault(r => r.Mixed is not null)?.Mixed?.Precision is { } precision)
        {
            text.AppendLine()
                .AppendLine(Invariant($"| method | backbone | float32 ms/step | {precision} ms/step | {precision}/float32 | float32 CPU ms/step | {precision} CPU ms/step | CPU {precision}/float32 | {precision}/PyTorch | largest loss difference |"))
                .AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var r in Results.Where(r => r.Mixed is not null))
                text.AppendLine(Invariant(
                    $"| {r.Method} | {r.Backbone} | {1000 * r.OursSeconds:F0} | {1000 * r.Mixed!.Seconds:F0} | {r.MixedRatio:F2} | {1000 * r.OursCpuSeconds:F0} | {1000 * r.Mixed.CpuSeconds:F0} | {r.MixedCpuRatio:F2} | {Optional(r.MixedReferenceRatio, "F2")} | {r.MixedLossDeviation:P1} |"));
            text.AppendLine()
                .AppendLine($"The {precision} step is a second copy of the method from the same weights on the same batches, timed in the same rounds; "
                    + "the loss difference is the largest over its steps, relative to max(1, |float32 loss|).");
        }
        if (Pipeline is { } p)
            text.AppendLine()
                .AppendLine("| data pipeline | images/s |")
                .AppendLine("|---|---:|")
                .AppendLine(Invariant($"| decode JPEG into memory ({p.Images} images) | {p.DecodePerSecond:F0} |"))
                .AppendLine(Invariant($"| SimCLR augmentation, batches of 256 | {p.AugmentPerSecond:F0} |"))
                .AppendLine(Invariant($"| data loader, batches of 256 | {p.LoaderPerSecond:F0} |"));
        return text.ToString();
    }

    /// <summary>Writes <c>speed.json</c> and <c>speed.md</c> into <paramref name="folder"/>.</summary>
    public void Save(string folder) => ReportFiles.Save(folder, "speed", this, ToMarkdown());

    private static string Optional(double? value, string format, string missing = "-") =>
        value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : missing;

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
