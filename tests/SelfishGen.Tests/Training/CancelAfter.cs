namespace SelfishGen.Tests.Training;

/// <summary>Cancels its token once a given number of steps have finished (to stop a run between two steps).</summary>
internal sealed class CancelAfter(int steps, CancellationTokenSource cancel) : ITrainingObserver
{
    public void OnStep(long step, int epoch, float loss, int images, double learningRate)
    {
        if (step + 1 == steps)
            cancel.Cancel();
    }
}
