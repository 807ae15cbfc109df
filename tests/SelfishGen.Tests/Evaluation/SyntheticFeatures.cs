using SelfishGen.Evaluation;

namespace SelfishGen.Tests.Evaluation;

/// <summary>Labelled feature sets made up for tests.</summary>
internal static class SyntheticFeatures
{
    /// <summary>Features from explicit rows and labels.</summary>
    public static LabelledFeatures Of(float[,] rows, params long[] labels) => new(tensor(rows), tensor(labels));

    /// <summary>
    /// A training and a test set of <paramref name="classes"/> classes in <paramref name="dimension"/> dimensions, each
    /// class a Gaussian cluster of standard deviation <paramref name="spread"/> around a standard-normal centre.
    /// </summary>
    public static FeatureSplit Clusters(
        int trainCount, int testCount, int classes, int dimension, double spread, int seed)
    {
        using var scope = NewDisposeScope();
        using var random = new Generator((ulong)seed);
        var labels = randint(classes, trainCount + testCount, dtype: int64, generator: random);
        var centres = randn(classes, dimension, generator: random);
        var points = centres[labels] + spread * randn(trainCount + testCount, dimension, generator: random);
        return new FeatureSplit(Slice(points, labels, 0, trainCount), Slice(points, labels, trainCount, testCount));
    }

    /// <summary>Standard-normal features with labels drawn independently of them.</summary>
    public static LabelledFeatures Noise(int count, int classes, int dimension, Generator random)
    {
        using var scope = NewDisposeScope();
        return new LabelledFeatures(
            randn(count, dimension, generator: random).MoveToOuterDisposeScope(),
            randint(classes, count, dtype: int64, generator: random).MoveToOuterDisposeScope());
    }

    private static LabelledFeatures Slice(Tensor points, Tensor labels, int start, int count) => new(
        points.narrow(0, start, count).clone().MoveToOuterDisposeScope(),
        labels.narrow(0, start, count).clone().MoveToOuterDisposeScope());
}
