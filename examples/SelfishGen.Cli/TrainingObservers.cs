namespace SelfishGen.Cli;

/// <summary>Forwards training progress to several observers, in order.</summary>
public sealed class TrainingObservers(params ITrainingObserver[] observers) : ITrainingObserver
{
    /// <inheritdoc />
    public void OnStart(string method, long firstStep, long totalSteps, int stepsPerEpoch)
    {
        foreach (var observer in observers)
            observer.OnStart(method, firstStep, totalSteps, stepsPerEpoch);
    }

    /// <inheritdoc />
    public void OnStep(long step, int epoch, float loss, int images, double learningRate)
    {
        foreach (var observer in observers)
            observer.OnStep(step, epoch, loss, images, learningRate);
    }

    /// <inheritdoc />
    public void OnStepSkipped(long step, int epoch)
    {
        foreach (var observer in observers)
            observer.OnStepSkipped(step, epoch);
    }

    /// <inheritdoc />
    public void OnEpochEnd(int epoch, double meanLoss)
    {
        foreach (var observer in observers)
            observer.OnEpochEnd(epoch, meanLoss);
    }

    /// <inheritdoc />
    public void OnCheckpoint(string path)
    {
        foreach (var observer in observers)
            observer.OnCheckpoint(path);
    }
}
