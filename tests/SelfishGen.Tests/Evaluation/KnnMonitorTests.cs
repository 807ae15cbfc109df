using SelfishGen.Data;
using SelfishGen.Evaluation;
using SelfishGen.Modules;
using SelfishGen.Methods;
using SelfishGen.Tests.Methods;
using SelfishGen.Tests.Training;

namespace SelfishGen.Tests.Evaluation;

public sealed class KnnMonitorTests : IDisposable
{
    private readonly string _store = Directory.CreateTempSubdirectory("selfish-monitor-").FullName;
    private readonly SubsetDataset _train;
    private readonly SubsetDataset _test;

    public KnnMonitorTests() => (_train, _test) = DatasetSplit.Split(new SyntheticShapes(96, seed: 3), testFraction: 0.25, seed: 0);

    public void Dispose() => Directory.Delete(_store, recursive: true);

    private RotateNet NewMethod()
    {
        manual_seed(1);
        return TinyRotateNet.Create(_train);
    }

    private TrainingReport Train(RotateNet method, string name, ITrainingObserver? observer = null) =>
        method.Supervise(lr: 3e-3, epochs: 3, batchSize: 16, name: Path.Combine(_store, name), observer: observer);

    [Fact]
    public void A_run_trains_identically_with_and_without_the_monitor()
    {
        var plain = Train(NewMethod(), "plain");
        var method = NewMethod();
        var monitor = new KnnMonitor(method.GetBackbone(), _train, _test, every: 2, k: 20);

        var monitored = Train(method, "monitored", monitor);

        Assert.Equal(12, plain.StepLosses.Count); // 72 images / 16 = 4 steps per epoch
        Assert.Equal(plain.StepLosses, monitored.StepLosses);
        Assert.Equal([0, 2, 4, 6, 8, 10, 12], monitor.Points.Select(p => p.Step));
    }

    [Fact]
    public void Each_reading_is_the_kNN_accuracy_of_the_encoder_then_and_training_resumes_in_training_mode()
    {
        var method = NewMethod();
        var monitor = new KnnMonitor(method.GetBackbone(), _train, _test, every: 5, k: 20);
        var offline = new List<(double Accuracy, double? Rank)>();
        var modes = new List<bool>();
        var check = new AfterEachReading(monitor, () =>
        {
            offline.Add(KnnAccuracyAndRank(method, k: 20));
            modes.Add(method.modules().Prepend(method).All(module => module.training));
        });

        Train(method, "run", TrainingObservers.Combine(monitor, check));

        Assert.Equal([0, 5, 10, 12], monitor.Points.Select(p => p.Step)); // and the last step, 12
        Assert.Equal(offline, monitor.Points.Select(p => (p.Accuracy, p.EffectiveRank)));
        Assert.All(monitor.Points, point => Assert.InRange(point.Accuracy, 0, 1));
        Assert.All(monitor.Points, point => Assert.InRange(point.EffectiveRank!.Value, 1, method.GetBackbone().OutputFeatures));
        Assert.Equal([true, true, true, true], modes);
        Assert.Equal(monitor.Points.Sum(p => p.Seconds), monitor.Elapsed.TotalSeconds, 1e-6);
    }

    [Fact]
    public void It_needs_labelled_images_and_a_positive_interval()
    {
        using var encoder = new ConvNet(_train.Shape, width: 4);
        var unlabelled = new RandomPatterns(8, seed: 1);

        Assert.Throws<ArgumentException>(() => _ = new KnnMonitor(encoder, unlabelled, _test, every: 1));
        Assert.Throws<ArgumentException>(() => _ = new KnnMonitor(encoder, _train, unlabelled, every: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new KnnMonitor(encoder, _train, _test, every: 0));
    }

    private (double Accuracy, double? Rank) KnnAccuracyAndRank(SelfSupervisedMethod method, int k)
    {
        using var bank = FeatureExtractor.Extract(method.GetBackbone(), _train);
        using var queries = FeatureExtractor.Extract(method.GetBackbone(), _test);
        return (new KnnClassifier(k).Evaluate(bank, queries).Accuracy, FeatureSpectrum.EffectiveRank(bank.Features));
    }

    /// <summary>Runs a check after each monitor reading, at the same point of the loop.</summary>
    private sealed class AfterEachReading(KnnMonitor monitor, Action check) : ITrainingObserver
    {
        private int _seen;

        public void OnStart(string method, long firstStep, long totalSteps, int stepsPerEpoch) => CheckNewReadings();

        public void OnStep(long step, int epoch, float loss, int images, double learningRate) => CheckNewReadings();

        private void CheckNewReadings()
        {
            for (; _seen < monitor.Points.Count; _seen++)
                check();
        }
    }
}
