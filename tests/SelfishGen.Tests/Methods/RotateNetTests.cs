using SelfishGen.Data;
using SelfishGen.Evaluation;
using SelfishGen.Methods;

namespace SelfishGen.Tests.Methods;

/// <summary>
/// The generated RotateNet trains on 1,000 images of the bundled sample (the first 100 of each class) and its features
/// beat its own random initialisation.
/// </summary>
public sealed class RotateNetTests : IDisposable
{
    private readonly string _store = Directory.CreateTempSubdirectory("selfish-rotatenet-").FullName;

    public void Dispose() => Directory.Delete(_store, recursive: true);

    [Fact]
    public void A_short_run_on_the_sample_lowers_the_loss_and_beats_random_init_on_held_out_knn()
    {
        var (train, test) = DatasetSplit.Split(FirstOfEachClass(BundledSample.FashionMnist(), 100), testFraction: 0.2, seed: 0);
        var method = (RotateNet)RotateNet.Descriptor.Instantiate(DatasetInfo.Of(train), null, seed: 0);
        var randomInit = (RotateNet)RotateNet.Descriptor.Instantiate(DatasetInfo.Of(train), null, seed: 0);
        method.Dataset = train;

        var report = method.Supervise(lr: 1e-3, epochs: 10, batchSize: 64, name: Path.Combine(_store, "rotatenet"), recipe: TrainingRecipe.Default);

        Assert.True(report.EpochLosses[^1] < 0.5 * report.EpochLosses[0], $"epoch losses {string.Join(", ", report.EpochLosses)}");
        var trained = KnnAccuracy(method, train, test);
        var random = KnnAccuracy(randomInit, train, test);
        Assert.True(trained > random, $"kNN@200: trained {trained:P1} vs random init {random:P1}");
    }

    private static SubsetDataset FirstOfEachClass(IImageDataset dataset, int count) =>
        new(dataset, Enumerable.Range(0, dataset.Count).GroupBy(dataset.Label).SelectMany(g => g.Take(count)).Order());

    private static double KnnAccuracy(SelfSupervisedMethod method, IImageDataset train, IImageDataset test)
    {
        using var memory = FeatureExtractor.Extract(method.GetBackbone(), train);
        using var queries = FeatureExtractor.Extract(method.GetBackbone(), test);
        return new KnnClassifier(k: 200).Evaluate(memory, queries).Accuracy;
    }
}
