using SelfishGen.Evaluation;

namespace SelfishGen.Tests.Evaluation;

public class LinearProbeTests
{
    private static readonly LinearProbeOptions Quick = new(Epochs: 20, LearningRate: 1e-2, BatchSize: 64);

    /// <summary>Points labelled by the side of a random hyperplane they fall on, with a scale and offset to standardise away.</summary>
    private static FeatureSplit HalfSpaces(int seed)
    {
        using var scope = NewDisposeScope();
        using var random = new Generator((ulong)seed);
        var normal = randn(10, generator: random);
        LabelledFeatures Sample(int count)
        {
            var points = randn(count, 10, generator: random);
            var labels = points.matmul(normal).gt(0).to(int64);
            return new LabelledFeatures((100 * points + 7).MoveToOuterDisposeScope(), labels.MoveToOuterDisposeScope());
        }
        return new FeatureSplit(Sample(1000), Sample(500));
    }

    [Fact]
    public void Linearly_separable_features_are_probed_accurately_and_the_loss_falls()
    {
        using var split = HalfSpaces(seed: 4);

        var result = LinearProbe.Run(split.Train, split.Test, Quick);

        Assert.True(result.TestAccuracy > 0.9, $"test accuracy {result.TestAccuracy}");
        Assert.True(result.TrainAccuracy > 0.9, $"train accuracy {result.TrainAccuracy}");
        Assert.Equal(Quick.Epochs, result.EpochLosses.Count);
        Assert.True(result.EpochLosses[^1] < 0.5 * result.EpochLosses[0], string.Join(", ", result.EpochLosses));
        Assert.Equal(split.Test.Count, result.Test.Predictions.Length);
    }

    [Fact]
    public void The_same_seed_gives_the_same_probe_and_another_seed_another_order()
    {
        using var split = HalfSpaces(seed: 5);

        var first = LinearProbe.Run(split.Train, split.Test, Quick);
        var again = LinearProbe.Run(split.Train, split.Test, Quick);
        var reseeded = LinearProbe.Run(split.Train, split.Test, Quick with { Seed = 1 });

        Assert.Equal(first.EpochLosses, again.EpochLosses);
        Assert.Equal(first.Test.Predictions, again.Test.Predictions);
        Assert.NotEqual(first.EpochLosses, reseeded.EpochLosses);
    }

    [Fact]
    public void Features_of_another_dimension_are_rejected()
    {
        using var scope = NewDisposeScope();
        using var train = SyntheticFeatures.Of(new float[,] { { 0, 1 }, { 1, 0 } }, 0, 1);
        using var test = SyntheticFeatures.Of(new float[,] { { 0, 1, 2 } }, 0);

        Assert.Throws<ArgumentException>(() => LinearProbe.Run(train, test, Quick));
    }
}
