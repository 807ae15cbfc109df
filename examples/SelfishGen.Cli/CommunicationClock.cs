using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using SelfishGen.Distributed;
using static TorchSharp.torch;

namespace SelfishGen.Cli;

/// <summary>
/// A communicator that measures how long this rank spends in collectives (moving data, and waiting for the slowest
/// rank), to report the communication share of training.
/// </summary>
public sealed class CommunicationClock(ICommunicator inner) : ICommunicator
{
    private readonly Stopwatch _clock = new();

    /// <summary>Time spent in collectives since training started (see <see cref="RestartingOnStart"/>).</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Collectives called since training started.</summary>
    public long Calls { get; private set; }

    /// <inheritdoc />
    public int Rank => inner.Rank;

    /// <inheritdoc />
    public int Size => inner.Size;

    /// <inheritdoc />
    public void AllReduce(Tensor tensor) => Time(() => inner.AllReduce(tensor));

    /// <inheritdoc />
    public Tensor AllGather(Tensor tensor) => Time(() => inner.AllGather(tensor));

    /// <inheritdoc />
    public void Broadcast(Tensor tensor, int root = 0) => Time(() => inner.Broadcast(tensor, root));

    /// <inheritdoc />
    public void Barrier() => Time(inner.Barrier);

    /// <inheritdoc />
    [DoesNotReturn]
    public void Abort(int exitCode) => inner.Abort(exitCode);

    /// <inheritdoc />
    public void Dispose() => inner.Dispose();

    /// <summary><paramref name="observer"/>, also restarting this clock when the steps start (after the ranks' set-up).</summary>
    public ITrainingObserver RestartingOnStart(ITrainingObserver observer) => new Restarter(this, observer);

    private void Time(Action collective) => Time(() =>
    {
        collective();
        return 0;
    });

    private T Time<T>(Func<T> collective)
    {
        Calls++;
        _clock.Start();
        try
        {
            return collective();
        }
        finally
        {
            _clock.Stop();
        }
    }

    private sealed class Restarter(CommunicationClock clock, ITrainingObserver inner) : ITrainingObserver
    {
        public void OnStart(string method, long firstStep, long totalSteps, int stepsPerEpoch)
        {
            clock.Calls = 0;
            clock._clock.Reset();
            inner.OnStart(method, firstStep, totalSteps, stepsPerEpoch);
        }

        public void OnStep(long step, int epoch, float loss, int images, double learningRate) => inner.OnStep(step, epoch, loss, images, learningRate);

        public void OnEpochEnd(int epoch, double meanLoss) => inner.OnEpochEnd(epoch, meanLoss);

        public void OnCheckpoint(string path) => inner.OnCheckpoint(path);
    }
}
