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
        var augmentation = new Compose(new Translate(0.15), new Brightness(0.6, 1));
        AssertLearns(() => new ExemplarNetTestDouble(new SyntheticShapes(64, channels: 3, seed: 3), classes: 8, augmentation), 30, 8, 0.8);
    }

    [Fact]
    public void Jigsaw_learns_to_tell_permutations_apart() =>
        AssertLearns(() => new JigsawTestDouble(new SyntheticShapes(64, seed: 3)), 6, 16, 0.9);

    [Fact]
    public void Denoise_learns_to_restore_dropped_pixels() =>
        AssertLearns(() => new DenoiseNetTestDouble(new SyntheticShapes(64, seed: 3)), 4, 16, 0.5);

    [Fact]
    public void SplitBrain_learns_each_half_from_the_other() =>
        AssertLearns(() => new SplitBrainTestDouble(new ColorfulShapes(64, seed: 3)), 4, 16, 0.75);

    /// <summary>Builds a method after seeding torch, trains it, and asserts its loss falls below <paramref name="fraction"/>.</summary>
    private void AssertLearns(Func<SelfSupervisedMethod> create, int epochs, int batchSize, double fraction)
    {
        manual_seed(1);
        var report = _run.Train(create(), epochs, batchSize);
        TrainingRun.AssertFalls(report.StepLosses, fraction);
    }
}
