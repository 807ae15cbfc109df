namespace SelfishGen;

/// <summary>Combines training observers.</summary>
public static class TrainingObservers
{
    /// <summary>One observer that tells each of <paramref name="observers"/> everything, in the order given.</summary>
    public static ITrainingObserver Combine(params ITrainingObserver[] observers) => new All(observers);

    private sealed class All(ITrainingObserver[] observers) : ITrainingObserver
    {
        public void OnStart(string method, long firstStep, long totalSteps, int stepsPerEpoch)
        {
            foreach (var observer in observers)
                observer.OnStart(method, firstStep, totalSteps, stepsPerEpoch);
        }

        public void OnStep(long step, int epoch, float loss, int images, double learningRate)
        {
            foreach (var observer in observers)
                observer.OnStep(step, epoch, loss, images, learningRate);
        }

        public void OnEpochEnd(int epoch, double meanLoss)
        {
            foreach (var observer in observers)
                observer.OnEpochEnd(epoch, meanLoss);
        }

        public void OnCheckpoint(string path)
        {
            foreach (var observer in observers)
                observer.OnCheckpoint(path);
        }
    }
}
