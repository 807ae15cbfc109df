using ScottPlot;

namespace SelfishGen.Cli.Benchmarks;

/// <summary>PNG pictures of a quality benchmark: loss curves, accuracy bars, and a 2-D embedding per method.</summary>
public static class QualityPlots
{
    private const int Width = 720;
    private const int Height = 420;
    private const int WideWidth = 900;

    /// <summary>Writes <c>loss.png</c>, <c>accuracy.png</c> and, when a method was monitored, <c>monitor.png</c> into <paramref name="folder"/>.</summary>
    public static void Summary(IReadOnlyList<QualityResult> results, string folder)
    {
        LossCurves(results, Path.Combine(folder, "loss.png"));
        AccuracyBars(results, Path.Combine(folder, "accuracy.png"));
        if (results.Any(r => r.Monitor is not null))
            MonitorCurves(results, Path.Combine(folder, "monitor.png"));
    }

    /// <summary>Every method's loss per step (a running mean over 1 % of the steps, at least 1).</summary>
    private static void LossCurves(IReadOnlyList<QualityResult> results, string path) =>
        Lines(results.Select(r => PerStep(r.Label, RunningMean(r.StepLosses, Math.Max(1, r.StepLosses.Count / 100)))), "Pre-training loss", "loss", path);

    /// <summary>Every monitored method's kNN accuracy on held-out images against steps.</summary>
    private static void MonitorCurves(IReadOnlyList<QualityResult> results, string path) =>
        Lines(
            results.Where(r => r.Monitor is not null)
                .Select(r => (r.Label, r.Monitor!.Points.Select(p => (double)p.Step).ToArray(), r.Monitor.Points.Select(p => 100 * p.Accuracy).ToArray())),
            "kNN monitor during pre-training", "kNN accuracy (%)", path);

    private static (string Label, double[] Steps, double[] Values) PerStep(string label, double[] values) =>
        (label, [.. Enumerable.Range(1, values.Length).Select(i => (double)i)], values);

    /// <summary>One line per method, the legend beside the plot (not over the lines), each line a colour of its own (up to 25).</summary>
    private static void Lines(IEnumerable<(string Label, double[] Steps, double[] Values)> lines, string title, string yLabel, string path)
    {
        var plot = new Plot();
        var all = lines.ToList();
        IPalette palette = all.Count > 10 ? new ScottPlot.Palettes.Tsitsulin() : new ScottPlot.Palettes.Category10();
        for (var i = 0; i < all.Count; i++)
        {
            var line = plot.Add.ScatterLine(all[i].Steps, all[i].Values);
            line.LegendText = all[i].Label;
            line.Color = palette.GetColor(i);
        }
        plot.Title(title);
        plot.XLabel("step");
        plot.YLabel(yLabel);
        plot.ShowLegend(Edge.Right);
        plot.SavePng(path, WideWidth, Height);
    }

    /// <summary>kNN@200, kNN@20 and linear accuracy of each trained encoder, its random init, and raw pixels.</summary>
    private static void AccuracyBars(IReadOnlyList<QualityResult> results, string path)
    {
        var groups = results.SelectMany(r => new[] { (Name: r.Label, Row: r.Trained), (Name: $"{r.Label} random init", Row: r.RandomInit) })
            .Append((Name: "raw pixels", Row: results[0].RawPixels))
            .ToList();
        var metrics = new (string Name, Func<Evaluation.EvaluationRow, double?> Value)[]
        {
            ("kNN k=200", r => r.Knn200), ("kNN k=20", r => r.Knn20), ("linear", r => r.Linear),
        };
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        for (var m = 0; m < metrics.Length; m++)
        {
            var bars = groups
                .Select((g, i) => (Position: i * (metrics.Length + 1) + m, Value: metrics[m].Value(g.Row)))
                .Where(b => b.Value is not null)
                .Select(b => new Bar { Position = b.Position, Value = 100 * b.Value!.Value, FillColor = palette.GetColor(m) })
                .ToList();
            plot.Add.Bars(bars);
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = metrics[m].Name, FillColor = palette.GetColor(m) });
        }
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. groups.Select((_, i) => (double)(i * (metrics.Length + 1) + 1))], [.. groups.Select(g => g.Name)]);
        plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Bottom.MinimumSize = 190;
        plot.Axes.Margins(bottom: 0);
        plot.Title("Test accuracy (%)");
        plot.ShowLegend(Edge.Right);
        plot.SavePng(path, Math.Max(Width, 40 * groups.Count), Height + 190);
    }

    /// <summary>Test features of one encoder on their first two principal axes, coloured by class.</summary>
    public static void Embedding(string method, float[,] points, int[] labels, IReadOnlyList<string> classNames, string path)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        foreach (var label in labels.Distinct().Order())
        {
            var members = Enumerable.Range(0, labels.Length).Where(i => labels[i] == label).ToArray();
            var scatter = plot.Add.ScatterPoints(members.Select(i => (double)points[i, 0]).ToArray(), members.Select(i => (double)points[i, 1]).ToArray());
            scatter.Color = palette.GetColor(label);
            scatter.MarkerSize = 4;
            scatter.LegendText = label < classNames.Count ? classNames[label] : label.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        plot.Title($"{method}: test features, PCA");
        plot.ShowLegend(Edge.Right);
        plot.SavePng(path, Width, Height);
    }

    /// <summary>The mean of each value and the <paramref name="window"/> − 1 before it (fewer at the start).</summary>
    public static double[] RunningMean(IReadOnlyList<float> values, int window)
    {
        var means = new double[values.Count];
        double sum = 0;
        for (var i = 0; i < values.Count; i++)
        {
            sum += values[i];
            if (i >= window)
                sum -= values[i - window];
            means[i] = sum / Math.Min(i + 1, window);
        }
        return means;
    }
}
