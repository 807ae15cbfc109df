using SelfishGen.Methods;

namespace SelfishGen.Tests.Training;

public sealed class TrainingLoopTests : IDisposable
{
    private readonly string _store = Directory.CreateTempSubdirectory("selfish-train-").FullName;

    public void Dispose() => Directory.Delete(_store, recursive: true);

    private static RotateNet NewMethod(int seed = 1)
    {
        manual_seed(seed);
        return TinyRotateNet.Create(new SyntheticShapes(64, seed: 3));
    }

    [Fact]
    public void Loss_falls_over_training()
    {
        var report = NewMethod().Supervise(lr: 3e-3, epochs: 6, batchSize: 16, name: Path.Combine(_store, "run"), recipe: TrainingRecipe.Default);

        Assert.Equal(6, report.EpochLosses.Count);
        Assert.True(report.EpochLosses[^1] < 0.6 * report.EpochLosses[0],
            $"epoch losses {string.Join(", ", report.EpochLosses)}");
        Assert.True(report.ImagesPerSecond > 0);
    }

    [Fact]
    public void Save_then_restore_reproduces_the_backbone_outputs_exactly()
    {
        var method = NewMethod();
        method.Supervise(epochs: 1, batchSize: 16, name: Path.Combine(_store, "a"));
        var copy = NewMethod(seed: 99);
        copy.Load(Path.Combine(_store, "a"));

        using var images = new SyntheticShapes(8, seed: 5).LoadImages([0, 1, 2, 3, 4, 5, 6, 7]);
        method.eval();
        copy.eval();
        using var expected = method.Backbone.call(images);
        using var actual = copy.Backbone.call(images);
        Assert.True(expected.allclose(actual, rtol: 0, atol: 0), "restored backbone gives different features");
        Assert.Equal(method.State, copy.State);
    }

    [Fact]
    public void Resuming_from_a_checkpoint_continues_exactly_as_an_uninterrupted_run()
    {
        var straight = NewMethod().Supervise(lr: 2e-3, epochs: 2, batchSize: 16, name: Path.Combine(_store, "straight"));

        var first = NewMethod();
        var cancel = new CancellationTokenSource();
        var observer = new CancelAfter(5, cancel);
        Assert.ThrowsAny<OperationCanceledException>(() =>
            first.Supervise(lr: 2e-3, epochs: 2, batchSize: 16, name: Path.Combine(_store, "resumed"), observer: observer, cancellation: cancel.Token));

        var resumed = NewMethod(seed: 42);
        var rest = resumed.Supervise(lr: 2e-3, epochs: 2, batchSize: 16, name: Path.Combine(_store, "resumed"), pretrained: true);

        Assert.Equal(straight.StepLosses.Skip(5), rest.StepLosses);
    }

    [Fact]
    public void Cancellation_saves_a_checkpoint_at_the_step_reached()
    {
        var method = NewMethod();
        var cancel = new CancellationTokenSource();
        var name = Path.Combine(_store, "cancelled");
        Assert.ThrowsAny<OperationCanceledException>(() =>
            method.Supervise(epochs: 3, batchSize: 16, name: name, observer: new CancelAfter(3, cancel), cancellation: cancel.Token));

        var restored = NewMethod(seed: 7).Load(name);
        Assert.Equal(3, restored.State.Step);
        Assert.Equal(new TrainingState(0, 3, 3, 0), restored.State);
    }
}
