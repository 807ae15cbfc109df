using SelfishGen.Data;

namespace SelfishGen.Cli.Benchmarks;

/// <summary>
/// Runs a method's real training loop (<see cref="SelfSupervisedMethod.Supervise"/>, loader prefetching one batch)
/// over fixed input batches in order, recording each step's loss and duration: with Adam at a constant rate
/// (<see cref="TrainingRecipe.Default"/>, not the method's recipe), as the PyTorch reference steps.
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
    /// <param name="precision">The arithmetic of the steps.</param>
    public static StepRecorder Run(
        SelfSupervisedMethod method, torch.Tensor inputs, int batchSize, int steps, double learningRate, int seed, string store, Precision precision = Precision.Float32)
    {
        using var data = TensorDataset.Create(inputs);
        var recorder = new StepRecorder();
        method.Dataset = data;
        method.Supervise(
            lr: learningRate,
            epochs: Epochs(steps, data.Count / batchSize),
            batchSize: batchSize,
            shuffle: false,
            numWorkers: 1,
            name: store,
            seed: seed,
            precision: precision,
            checkpointEvery: CheckpointInterval.AtEndOnly,
            observer: recorder,
            recipe: TrainingRecipe.Default);
        method.Dataset = null;
        recorder.Losses.RemoveRange(steps, recorder.Losses.Count - steps);
        recorder.Seconds.RemoveRange(steps, recorder.Seconds.Count - steps);
        recorder.CpuSeconds.RemoveRange(steps, recorder.CpuSeconds.Count - steps);
        return recorder;
    }

    /// <summary>
    /// The steps the training run of <see cref="Run"/> is planned for (whole epochs of <paramref name="batches"/>
    /// batches covering <paramref name="steps"/>): what progress-following schedules such as BYOL's momentum see.
    /// </summary>
    public static long PlannedSteps(int steps, int batches) => (long)Epochs(steps, batches) * batches;

    private static int Epochs(int steps, int batches) => (steps + batches - 1) / batches;
}
