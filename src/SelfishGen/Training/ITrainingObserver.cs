namespace SelfishGen;

/// <summary>Receives training progress: progress bars, metric logs and monitors implement it.</summary>
public interface ITrainingObserver
{
    /// <summary>Training begins (or resumes) at <paramref name="firstStep"/> of <paramref name="totalSteps"/>.</summary>
    void OnStart(string method, long firstStep, long totalSteps, int stepsPerEpoch) { }

    /// <summary>A step finished with <paramref name="loss"/> on <paramref name="images"/> images.</summary>
    void OnStep(long step, int epoch, float loss, int images, double learningRate) { }

    /// <summary>
    /// Step <paramref name="step"/> was skipped: its loss or a gradient was NaN or infinite, and training runs with
    /// <see cref="NonFiniteSteps.Skip"/>.
    /// </summary>
    void OnStepSkipped(long step, int epoch) { }

    /// <summary>An epoch finished with a mean loss of <paramref name="meanLoss"/>.</summary>
    void OnEpochEnd(int epoch, double meanLoss) { }

    /// <summary>A checkpoint was written to <paramref name="path"/>.</summary>
    void OnCheckpoint(string path) { }
}
