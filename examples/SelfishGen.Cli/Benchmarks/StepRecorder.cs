using System.Diagnostics;

namespace SelfishGen.Cli.Benchmarks;

/// <summary>
/// Records the loss, the wall-clock duration and the process CPU time of every training step (each from the previous
/// step's end). On a machine shared with other work, CPU time is the measure that load does not inflate. Create it just
/// before training: it also records how far the process's resident memory rises above its size at creation.
/// </summary>
public sealed class StepRecorder : ITrainingObserver
{
    private readonly Stopwatch _clock = new();
    private readonly long? _residentAtStart = ResidentMemory.RestartPeak();
    private TimeSpan _last;
    private TimeSpan _lastCpu;

    /// <summary>Loss of each step, in order.</summary>
    public List<float> Losses { get; } = [];

    /// <summary>Duration of each step in seconds, in order.</summary>
    public List<double> Seconds { get; } = [];

    /// <summary>CPU time of the whole process (all its threads) during each step in seconds, in order.</summary>
    public List<double> CpuSeconds { get; } = [];

    /// <summary>
    /// The most bytes resident at once up to the last recorded step, over the resident size when this recorder was
    /// created: gradients, optimizer state and the steps' activations and temporaries. Null where it cannot be read.
    /// </summary>
    public long? PeakMemoryRise { get; private set; }

    /// <summary>Images of all recorded steps.</summary>
    public long Images { get; private set; }

    /// <summary>
    /// Wall-clock time since the start of training, up to now: it includes what other observers did after the last
    /// step (a kNN monitor's reading), so that their time can be subtracted from it.
    /// </summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <inheritdoc />
    public void OnStart(string method, long firstStep, long totalSteps, int stepsPerEpoch)
    {
        _clock.Restart();
        _last = TimeSpan.Zero;
        _lastCpu = ProcessCpu();
    }

    /// <inheritdoc />
    public void OnStep(long step, int epoch, float loss, int images, double learningRate)
    {
        var now = _clock.Elapsed;
        var cpu = ProcessCpu();
        Seconds.Add((now - _last).TotalSeconds);
        CpuSeconds.Add((cpu - _lastCpu).TotalSeconds);
        _lastCpu = cpu;
        Losses.Add(loss);
        Images += images;
        PeakMemoryRise = ResidentMemory.Peak() - _residentAtStart;
        _last = now;
    }

    /// <summary>CPU time this process has used so far, over all its threads.</summary>
    public static TimeSpan ProcessCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
