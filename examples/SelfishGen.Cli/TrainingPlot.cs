using ScottPlot;
using SelfishGen.Cli.Benchmarks;

namespace SelfishGen.Cli;

/// <summary>The PNG of a training run: loss against steps, and the kNN monitor's accuracy on a second axis.</summary>
public static class TrainingPlot
{
    /// <summary>Plots <paramref name="run"/> to <paramref name="path"/>.</summary>
    public static void Save(TrainingRun run, string path)
    {
        var plot = new Plot();
        var losses = QualityPlots.RunningMean(run.StepLosses, Math.Max(1, run.StepLosses.Count / 100));
        var loss = plot.Add.ScatterLine(Enumerable.Range(1, losses.Length).Select(i => (double)(run.FirstStep + i)).ToArray(), losses);
        loss.LegendText = "loss (running mean)";
        plot.YLabel("loss");
        if (run.Monitor is { Points.Count: > 0 } monitor)
        {
            var knn = plot.Add.ScatterLine(
                monitor.Points.Select(p => (double)p.Step).ToArray(), monitor.Points.Select(p => 100 * p.Accuracy).ToArray());
            knn.Axes.YAxis = plot.Axes.Right;
            knn.MarkerSize = 5;
            knn.LegendText = $"kNN@{monitor.K} accuracy, {monitor.QueryImages} held-out images";
            plot.Axes.Right.Label.Text = "kNN accuracy (%)";
        }
        plot.Title($"{run.Method}: pre-training on {run.TrainImages} images");
        plot.XLabel("step");
        plot.ShowLegend(Alignment.UpperCenter);
        plot.SavePng(path, 720, 420);
    }
}
