using SelfishGen.Tests.Training;

namespace SelfishGen.Tests.Pretext;

/// <summary>Each pretext method's pieces, wired by hand as the generator will wire them, learn on tiny images.</summary>
public sealed class PretextMethodTrainingTests : IDisposable
{
    private readonly TrainingRun _run = new();

    public void Dispose() => _run.Dispose();

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
