using SelfishGen.Evaluation;

namespace SelfishGen.Tests.Evaluation;

public class LinearProbeTests
{
    private static readonly LinearProbeOptions QuickAdam = new(Epochs: 20, LearningRate: 1e-2, BatchSize: 64, Solver: LinearProbeSolver.MiniBatchAdam);

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

    [Theory]
    [InlineData(LinearProbeSolver.FullBatch)]
    [InlineData(LinearProbeSolver.MiniBatchAdam)]
    public void Linearly_separable_features_are_probed_accurately_and_the_loss_falls(LinearProbeSolver solver)
    {
        using var split = HalfSpaces(seed: 4);
        var options = QuickAdam with { Solver = solver };

        var result = LinearProbe.Run(split.Train, split.Test, options);

        Assert.True(result.TestAccuracy > 0.9, $"test accuracy {result.TestAccuracy}");
        Assert.True(result.TrainAccuracy > 0.9, $"train accuracy {result.TrainAccuracy}");
        Assert.InRange(result.EpochLosses.Count, 2, solver == LinearProbeSolver.FullBatch ? options.Iterations : options.Epochs);
        Assert.True(result.EpochLosses[^1] < 0.5 * result.EpochLosses[0], string.Join(", ", result.EpochLosses));
        Assert.Equal(split.Test.Count, result.Test.Predictions.Length);
    }

    [Fact]
    public void The_same_seed_gives_the_same_probe_and_another_seed_another_order()
    {
        using var split = HalfSpaces(seed: 5);

        var first = LinearProbe.Run(split.Train, split.Test, QuickAdam);
        var again = LinearProbe.Run(split.Train, split.Test, QuickAdam);
        var reseeded = LinearProbe.Run(split.Train, split.Test, QuickAdam with { Seed = 1 });

        Assert.Equal(first.EpochLosses, again.EpochLosses);
        Assert.Equal(first.Test.Predictions, again.Test.Predictions);
        Assert.NotEqual(first.EpochLosses, reseeded.EpochLosses);
    }

    [Fact]
    public void The_full_batch_probe_is_deterministic_and_its_objective_never_rises()
    {
        using var split = SyntheticFeatures.Clusters(600, 300, classes: 4, dimension: 12, spread: 1.5, seed: 6);

        var first = LinearProbe.Run(split.Train, split.Test);
        var again = LinearProbe.Run(split.Train, split.Test);

        Assert.Equal(first.EpochLosses, again.EpochLosses);
        Assert.Equal(first.Test.Predictions, again.Test.Predictions);
        Assert.All(first.EpochLosses.Zip(first.EpochLosses.Skip(1)), pair => Assert.True(pair.Second <= pair.First, $"{pair.First} then {pair.Second}"));
    }

    [Fact]
    public void Full_batch_and_mini_batch_adam_reach_the_same_accuracy_on_overlapping_classes()
    {
        using var split = SyntheticFeatures.Clusters(3000, 1000, classes: 5, dimension: 16, spread: 2.0, seed: 7);

        var fullBatch = LinearProbe.Run(split.Train, split.Test);
        var adam = LinearProbe.Run(split.Train, split.Test, new LinearProbeOptions(Epochs: 30, Solver: LinearProbeSolver.MiniBatchAdam));

        Assert.InRange(fullBatch.TestAccuracy, 0.3, 0.98);
        Assert.True(Math.Abs(fullBatch.TestAccuracy - adam.TestAccuracy) <= 0.02, $"full batch {fullBatch.TestAccuracy}, Adam {adam.TestAccuracy}");
    }

    [Fact]
    public void Fitting_on_whitened_features_minimises_the_penalised_objective_of_the_original_ones()
    {
        using var scope = NewDisposeScope();
        using var split = SyntheticFeatures.Clusters(800, 10, classes: 3, dimension: 6, spread: 1.0, seed: 8);
        var x = split.Train.Features - split.Train.Features.mean([0], keepdim: true);
        x[TensorIndex.Colon, 5] = x[TensorIndex.Colon, 0] * 3;   // a redundant direction, dropped by the whitening
        const double lambda = 0.01;
        var (whitening, inverses) = Whitening.Of(x);
        var z = x.mm(whitening);

        var (parameters, losses) = SoftmaxRegression.Fit(z, split.Train.Labels, 3, inverses * lambda, maxIterations: 200);

        Assert.Equal(5, whitening.shape[1]);
        Assert.True((z.t().mm(z) / x.shape[0]).allclose(eye(5), atol: 1e-3));
        var weights = parameters.narrow(1, 0, 5).mm(whitening.t()).requires_grad_();
        var bias = parameters.select(1, 5).requires_grad_();
        var objective = nn.functional.cross_entropy(x.mm(weights.t()) + bias, split.Train.Labels) + lambda / 2 * weights.square().sum();
        objective.backward();
        Assert.Equal(losses[^1], objective.item<float>(), 1e-4);
        Assert.True(weights.grad!.abs().max().item<float>() < 1e-3, $"weight gradient {weights.grad.abs().max().item<float>()}");
        Assert.True(bias.grad!.abs().max().item<float>() < 1e-3, $"bias gradient {bias.grad.abs().max().item<float>()}");
    }

    [Fact]
    public void Features_of_another_dimension_are_rejected()
    {
        using var scope = NewDisposeScope();
        using var train = SyntheticFeatures.Of(new float[,] { { 0, 1 }, { 1, 0 } }, 0, 1);
        using var test = SyntheticFeatures.Of(new float[,] { { 0, 1, 2 } }, 0);

        Assert.Throws<ArgumentException>(() => LinearProbe.Run(train, test, QuickAdam));
    }
}
