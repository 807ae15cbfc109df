using SelfishGen.Evaluation;

namespace SelfishGen.Tests.Evaluation;

public class KnnClassifierTests
{
    // Unit-length training points (after normalisation): (1,0) class 0, (0,1) class 1, (1,1)/√2 class 1, (-1,0) class 0.
    // For the test point (1,0) the three nearest are (1,0) with similarity 1, (1,1)/√2 with 1/√2, (0,1) with 0.
    private static LabelledFeatures FourPoints() => SyntheticFeatures.Of(new float[,] { { 1, 0 }, { 0, 1 }, { 1, 1 }, { -1, 0 } }, 0, 1, 1, 0);

    [Fact]
    public void The_vote_sums_exp_of_similarity_over_temperature_per_class()
    {
        using var scope = NewDisposeScope();
        using var train = FourPoints();
        var votes = new KnnClassifier(k: 3, temperature: 0.1).Votes(train, tensor(new float[,] { { 2, 0 } }));

        Assert.Equal(new long[] { 1, 2 }, votes.shape);
        Assert.Equal(Math.Exp(10), votes[0, 0].item<float>(), Math.Exp(10) * 1e-5);
        Assert.Equal(Math.Exp(10 / Math.Sqrt(2)) + 1, votes[0, 1].item<float>(), 1e-2);
    }

    [Fact]
    public void A_close_neighbour_outvotes_two_far_ones_at_low_temperature_but_not_at_high()
    {
        using var scope = NewDisposeScope();
        using var train = FourPoints();
        var test = tensor(new float[,] { { 1, 0 } });

        // T = 0.1: e^10 against e^7.07 + e^0. T = 1: e^1 = 2.72 against e^0.71 + e^0 = 3.03.
        Assert.Equal(0L, new KnnClassifier(k: 3, temperature: 0.1).Predict(train, test)[0].item<long>());
        Assert.Equal(1L, new KnnClassifier(k: 3, temperature: 1).Predict(train, test)[0].item<long>());
    }

    [Fact]
    public void Well_separated_clusters_are_classified_almost_perfectly()
    {
        using var scope = NewDisposeScope();
        using var split = SyntheticFeatures.Clusters(1000, 500, classes: 5, dimension: 16, spread: 0.1, seed: 1);

        Assert.True(new KnnClassifier(k: 200).Evaluate(split.Train, split.Test).Accuracy >= 0.95);
        Assert.True(new KnnClassifier(k: 20).Evaluate(split.Train, split.Test).Accuracy >= 0.95);
    }

    [Fact]
    public void Labels_unrelated_to_the_features_give_chance_accuracy()
    {
        using var scope = NewDisposeScope();
        using var random = new Generator(2);
        using var train = SyntheticFeatures.Noise(2000, classes: 10, dimension: 16, random);
        using var test = SyntheticFeatures.Noise(2000, classes: 10, dimension: 16, random);

        var accuracy = new KnnClassifier(k: 20).Evaluate(train, test).Accuracy;

        Assert.InRange(accuracy, 0.06, 0.14);
    }

    [Fact]
    public void Chunking_the_test_set_changes_nothing()
    {
        using var scope = NewDisposeScope();
        using var split = SyntheticFeatures.Clusters(300, 101, classes: 3, dimension: 8, spread: 1.0, seed: 3);
        var whole = new KnnClassifier(k: 20, chunkSize: 1000);
        var chunked = new KnnClassifier(k: 20, chunkSize: 7);

        var chunkedVotes = chunked.Votes(split.Train, split.Test.Features);

        Assert.Equal(new long[] { 101, 3 }, chunkedVotes.shape);
        Assert.True(whole.Votes(split.Train, split.Test.Features).allclose(chunkedVotes));
        Assert.Equal(whole.Evaluate(split.Train, split.Test).Predictions, chunked.Evaluate(split.Train, split.Test).Predictions);
    }

    [Fact]
    public void Classifiers_evaluated_together_search_once_and_score_as_each_one_alone()
    {
        using var scope = NewDisposeScope();
        using var split = SyntheticFeatures.Clusters(400, 150, classes: 4, dimension: 8, spread: 1.5, seed: 4);
        KnnClassifier[] classifiers = [new(k: 50, chunkSize: 64), new(k: 5, temperature: 0.5), new(k: 1000)];

        var together = KnnClassifier.Evaluate(classifiers, split.Train, split.Test);

        Assert.Equal(3, together.Count);
        for (var i = 0; i < classifiers.Length; i++)
        {
            var alone = classifiers[i].Evaluate(split.Train, split.Test);
            Assert.Equal(alone.Predictions, together[i].Predictions);
            Assert.Equal(alone.Accuracy, together[i].Accuracy);
        }
        Assert.NotEqual(together[0].Predictions, together[1].Predictions);
    }

    [Fact]
    public void K_larger_than_the_training_set_uses_every_training_sample()
    {
        using var scope = NewDisposeScope();
        using var train = FourPoints();
        var votes = new KnnClassifier(k: 200, temperature: 1).Votes(train, tensor(new float[,] { { 1, 0 } }));

        Assert.Equal(Math.E + Math.Exp(-1), votes[0, 0].item<float>(), 1e-4);
        Assert.Equal(Math.Exp(1 / Math.Sqrt(2)) + 1, votes[0, 1].item<float>(), 1e-4);
    }
}
