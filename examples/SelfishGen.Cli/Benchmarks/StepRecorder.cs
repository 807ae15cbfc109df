using System.Diagnostics;

namespace SelfishGen.Cli.Benchmarks;

/// <summary>Records the loss and the wall-clock duration of every training step (time from the previous step's end).</summary>
public sealed class StepRecorder : ITrainingObserver
{
    private readonly Stopwatch _clock = new();
    private TimeSpan _last;

    /// <summary>Loss of each step, in order.</summary>
    public List<float> Losses { get; } = [];

    /// <summary>Duration of each step in seconds, in order.</summary>
    public List<double> Seconds { get; } = [];

    /// <summary>Images of all recorded steps.</summary>
    public long Images { get; private set; }

    /// <summary>Wall-clock time from the start of training to the end of the last step.</summary>
    public TimeSpan Elapsed => _last;

    /// <inheritdoc />
    public void OnStart(string method, long firstStep, long totalSteps, int stepsPerEpoch)
    {
        _clock.Restart();
        _last = TimeSpan.Zero;
    }

    /// <inheritdoc />
    public void OnStep(long step, int epoch, float loss, int images, double learningRate)
    {
        var now = _clock.Elapsed;
        Seconds.Add((now - _last).TotalSeconds);
        Losses.Add(loss);
        Images += images;
        _last = now;
    }
}
