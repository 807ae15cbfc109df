namespace SelfishGen.Cli.Benchmarks;

/// <summary>Traces the native allocations of one training step (<see cref="MallocTrace"/>): from the end of the step before it to its own end.</summary>
/// <param name="traced">The step traced (0-based, at least 1).</param>
/// <param name="file">The trace file.</param>
public sealed class TracedStep(long traced, string file) : ITrainingObserver
{
    /// <inheritdoc />
    public void OnStep(long step, int epoch, float loss, int images, double learningRate)
    {
        if (step == traced - 1)
            MallocTrace.Start(file);
        else if (step == traced)
            MallocTrace.Stop();
    }
}
