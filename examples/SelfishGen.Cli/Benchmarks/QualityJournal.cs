using SelfishGen.Evaluation;

namespace SelfishGen.Cli.Benchmarks;

/// <summary>
/// How far one method's <c>bench quality</c> run had come at its last checkpoint, saved next to it so that a run
/// resumed by another process (<c>--resume</c>) reports the whole run: losses, throughput and kNN monitor readings.
/// </summary>
/// <param name="Steps">Steps trained up to the checkpoint.</param>
/// <param name="Images">Images trained on in those steps.</param>
/// <param name="TrainingSeconds">Time spent training them, kNN monitor readings excluded.</param>
/// <param name="StepLosses">Loss of every step.</param>
/// <param name="MonitorPoints">The kNN monitor's readings (empty without a monitor).</param>
/// <param name="CpuSeconds">Process CPU time of those steps, all threads, monitor readings included; null when a process
/// that trained some of them did not record it (journals written before it was recorded).</param>
public sealed record QualityJournal(
    long Steps, long Images, double TrainingSeconds, IReadOnlyList<float> StepLosses, IReadOnlyList<KnnMonitorPoint> MonitorPoints,
    double? CpuSeconds = null)
{
    /// <summary>Nothing trained yet.</summary>
    public static QualityJournal Empty { get; } = new(0, 0, 0, [], [], 0);

    /// <summary>
    /// Time spent in the readings the run keeps: a reading that a resumed process takes again, at the step it resumes
    /// from, counts once.
    /// </summary>
    public double MonitorSeconds => MonitorPoints.Sum(point => point.Seconds);

    /// <summary>The journal file of the checkpoint <paramref name="store"/>.</summary>
    public static string PathOf(string store) => TrainingRun.PathOf(store, ".quality.json");

    /// <summary>The journal of the checkpoint <paramref name="store"/>, or <see cref="Empty"/> when there is none.</summary>
    public static QualityJournal Read(string store) => File.Exists(PathOf(store)) ? ReportFiles.Read<QualityJournal>(PathOf(store)) : Empty;

    /// <summary>This journal followed by the steps and readings of a process that resumed at <see cref="Steps"/>.</summary>
    public QualityJournal Then(StepRecorder recorder, KnnMonitor? monitor) => new(
        Steps + recorder.Losses.Count,
        Images + recorder.Images,
        TrainingSeconds + (recorder.Elapsed - (monitor?.Elapsed ?? TimeSpan.Zero)).TotalSeconds,
        [.. StepLosses, .. recorder.Losses],
        [.. MonitorPoints.Where(p => monitor is null || p.Step < (monitor.Points.FirstOrDefault()?.Step ?? long.MaxValue)), .. monitor?.Points ?? []],
        CpuSeconds + recorder.CpuSeconds.Sum());

    /// <summary>Writes the journal of the checkpoint <paramref name="store"/> atomically.</summary>
    public void Save(string store) => ReportFiles.SaveJsonAtomically(PathOf(store), this);
}
