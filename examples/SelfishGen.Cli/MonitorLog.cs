using SelfishGen.Evaluation;

namespace SelfishGen.Cli;

/// <summary>A kNN monitor's settings, readings and cost, as the run reports save them.</summary>
/// <param name="Every">Steps between readings.</param>
/// <param name="K">Neighbours that vote.</param>
/// <param name="BankImages">Labelled training images in the kNN bank.</param>
/// <param name="QueryImages">Held-out images classified.</param>
/// <param name="Seconds">Time spent in readings.</param>
/// <param name="ShareOfRun">That time as a share of the run's.</param>
/// <param name="Points">The readings.</param>
public sealed record MonitorLog(int Every, int K, int BankImages, int QueryImages, double Seconds, double ShareOfRun, IReadOnlyList<KnnMonitorPoint> Points)
{
    /// <summary>The log of <paramref name="monitor"/> in a run of <paramref name="runSeconds"/>.</summary>
    public static MonitorLog Of(KnnMonitor monitor, double runSeconds) => new(
        monitor.Every, monitor.K, monitor.BankImages, monitor.QueryImages, monitor.Elapsed.TotalSeconds,
        runSeconds > 0 ? monitor.Elapsed.TotalSeconds / runSeconds : 0, [.. monitor.Points]);
}
