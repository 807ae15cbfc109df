using SelfishGen.Augmentations;
using SelfishGen.Tests.Training;

namespace SelfishGen.Tests.Pretext;

/// <summary>Each pretext method's pieces, wired by hand as the generator will wire them, learn on tiny images.</summary>
public sealed class PretextMethodTrainingTests : IDisposable
{
    private readonly TrainingRun _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public void ExemplarNet_learns_its_surrogate_classes()
    {
        manual_seed(1);
        var augmentation = new Compose(new Translate(0.15), new Brightness(0.6, 1));
        var method = new ExemplarNetTestDouble(new SyntheticShapes(64, channels: 3, seed: 3), classes: 8, augmentation);

        var report = _run.Train(method, epochs: 30, batchSize: 8);

        TrainingRun.AssertFalls(report.StepLosses, 0.8);
    }

    [Fact]
    public void Jigsaw_learns_to_tell_permutations_apart()
    {
        manual_seed(1);
        var report = _run.Train(new JigsawTestDouble(new SyntheticShapes(64, seed: 3)), epochs: 6, batchSize: 16);

        TrainingRun.AssertFalls(report.StepLosses, 0.9);
    }

    [Fact]
    public void Denoise_learns_to_restore_dropped_pixels()
    {
        manual_seed(1);
        var report = _run.Train(new DenoiseNetTestDouble(new SyntheticShapes(64, seed: 3)), epochs: 4, batchSize: 16);

        TrainingRun.AssertFalls(report.StepLosses, 0.5);
    }

    [Fact]
    public void SplitBrain_learns_each_half_from_the_other()
    {
        manual_seed(1);
        var report = _run.Train(new SplitBrainTestDouble(new ColorfulShapes(64, seed: 3)), epochs: 4, batchSize: 16);

        TrainingRun.AssertFalls(report.StepLosses, 0.75);
    }
}
