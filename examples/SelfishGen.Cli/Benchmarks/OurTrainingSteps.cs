using SelfishGen.Data;

namespace SelfishGen.Cli.Benchmarks;

/// <summary>
/// Runs a method's real training loop (<see cref="SelfSupervisedMethod.Supervise"/>, Adam, loader prefetching one
/// batch) over fixed input batches in order, recording each step's loss and duration.
/// </summary>
public static class OurTrainingSteps
{
    /// <summary>Runs <paramref name="steps"/> steps, cycling through the batches of <paramref name="inputs"/>.</summary>
    /// <param name="method">The method, trained in place.</param>
    /// <param name="inputs">Images (batches × batch, C, H, W).</param>
    /// <param name="batchSize">Images per step.</param>
    /// <param name="steps">Steps to run.</param>
    /// <param name="learningRate">Adam's learning rate.</param>
    /// <param name="seed">The run's seed: data order and each step's random draws (see <see cref="StepViews"/>).</param>
    /// <param name="store">Checkpoint name for the checkpoint <see cref="SelfSupervisedMethod.Supervise"/> writes.</param>
    public static StepRecorder Run(SelfSupervisedMethod method, torch.Tensor inputs, int batchSize, int steps, double learningRate, int seed, string store)
    {
        using var data = TensorDataset.Create(inputs);
        var batches = data.Count / batchSize;
        var recorder = new StepRecorder();
        method.Dataset = data;
        method.Supervise(
            lr: learningRate,
            epochs: (steps + batches - 1) / batches,
            batchSize: batchSize,
            shuffle: false,
            numWorkers: 1,
            name: store,
            seed: seed,
            checkpointEvery: CheckpointInterval.AtEndOnly,
            observer: recorder);
        method.Dataset = null;
        recorder.Losses.RemoveRange(steps, recorder.Losses.Count - steps);
        recorder.Seconds.RemoveRange(steps, recorder.Seconds.Count - steps);
        return recorder;
    }
}
