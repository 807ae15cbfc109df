using SelfishGen.Data;
using SelfishGen.Evaluation;

namespace SelfishGen.Cli;

/// <summary>The kNN monitor of a command's training run: a seeded, fixed subset of the training and held-out images.</summary>
public static class RunMonitor
{
    /// <summary>Training images in the kNN bank unless asked otherwise.</summary>
    public const int DefaultBank = 2000;

    /// <summary>Held-out images classified unless asked otherwise.</summary>
    public const int DefaultQueries = 1000;

    /// <summary>A monitor of <paramref name="method"/>'s encoder every <paramref name="every"/> steps.</summary>
    public static KnnMonitor Create(
        SelfSupervisedMethod method, IImageDataset train, IImageDataset test, int every, int seed,
        int bank = DefaultBank, int queries = DefaultQueries, int k = KnnMonitor.DefaultK) =>
        new(method.GetBackbone(), DatasetSplit.Sample(train, bank, seed), DatasetSplit.Sample(test, queries, seed), every, k);

    /// <summary>What the monitor measures, for the console.</summary>
    public static string Describe(KnnMonitor monitor) =>
        $"kNN monitor every {monitor.Every} steps: k={monitor.K}, bank of {monitor.BankImages} training images, {monitor.QueryImages} held-out images classified.";
}
