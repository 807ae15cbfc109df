using SelfishGen.Data;
using SelfishGen.Methods;
using SelfishGen.Modules;

namespace SelfishGen.Tests.Training;

/// <summary>
/// A NaN or infinite loss or gradient stops training with a message that names the method and the step and keeps the
/// last checkpoint, or, when asked, the step is undone and skipped.
/// </summary>
public sealed class NonFiniteStepTests : IDisposable
{
    private readonly string _store = Directory.CreateTempSubdirectory("selfish-nonfinite-").FullName;

    public void Dispose() => Directory.Delete(_store, recursive: true);

    private string Name => Path.Combine(_store, "run");

    private TrainingReport Train(SelfSupervisedMethod method, NonFiniteSteps onNonFinite = NonFiniteSteps.Stop, ITrainingObserver? observer = null) =>
        method.Supervise(lr: 3e-3, epochs: 3, batchSize: 16, name: Name, checkpointEvery: CheckpointInterval.Every(2),
            onNonFinite: onNonFinite, observer: observer);

    [Fact]
    public void A_NaN_loss_stops_training_naming_the_step_and_keeps_the_last_checkpoint()
    {
        var error = Assert.Throws<TrainingDivergedException>(() => Train(new PoisonedRotateNet(Poison.Loss, 5)));

        Assert.Equal(("RotateNet", 5L), (error.Method, error.Step));
        Assert.StartsWith("RotateNet stopped at step 5: the loss is NaN; the checkpoint of step 4 at ", error.Message);
        var saved = TinyRotateNet.Create(new SyntheticShapes(64, seed: 3)).Load(Name);
        Assert.Equal(4, saved.State.Step);
        Assert.All(saved.parameters(), p => Assert.True(p.isfinite().all().item<bool>()));
    }

    [Fact]
    public void A_NaN_gradient_under_a_finite_loss_stops_training_too()
    {
        var error = Assert.Throws<TrainingDivergedException>(() => Train(new PoisonedRotateNet(Poison.Gradient, 3)));

        Assert.Equal(3, error.Step);
        Assert.Contains("a gradient is NaN or infinite", error.Message);
        Assert.Equal(2, TinyRotateNet.Create(new SyntheticShapes(64, seed: 3)).Load(Name).State.Step);
    }

    [Fact]
    public void A_failure_before_the_first_checkpoint_says_nothing_was_saved()
    {
        var error = Assert.Throws<TrainingDivergedException>(() => Train(new PoisonedRotateNet(Poison.Loss, 1)));

        Assert.Contains("nothing was saved", error.Message);
        Assert.False(File.Exists(CheckpointFile.PathOf(Name)));
    }

    [Theory]
    [InlineData(Poison.Loss)]
    [InlineData(Poison.Gradient)]
    public void Skipped_steps_are_undone_counted_and_training_goes_on(Poison poison)
    {
        var method = new PoisonedRotateNet(poison, 2, 7);
        var observer = new StateAroundSkips(method);

        var report = Train(method, NonFiniteSteps.Skip, observer);

        Assert.Equal([2L, 7L], report.SkippedSteps);
        Assert.Equal(12 - 2, report.StepLosses.Count);
        Assert.Equal([2L, 7L], observer.Skipped);
        Assert.All(report.StepLosses, loss => Assert.True(float.IsFinite(loss)));
        Assert.Equal(12, method.Load(Name).State.Step);
    }

    public enum Poison
    {
        Loss,
        Gradient,
    }

    /// <summary>The tiny RotateNet, whose loss (or gradient) is NaN at the given steps.</summary>
    private sealed class PoisonedRotateNet(Poison poison, params long[] steps)
        : RotateNet(SeededData(), new Options { Hidden = [32] }, new ConvNet(new ImageShape(1, 16, 16), width: 8))
    {
        private static SyntheticShapes SeededData()
        {
            manual_seed(1);
            return new SyntheticShapes(64, seed: 3);
        }

        protected override Tensor Forward(Batch batch, TrainingContext context)
        {
            var loss = base.Forward(batch, context);
            if (!steps.Contains(context.Step))
                return loss;
            return poison == Poison.Loss
                ? loss * float.NaN
                : loss + parameters().First().mul(0).abs().sqrt().sum(); // value 0, gradient 0 · ∞ = NaN
        }
    }

    /// <summary>Checks that a skipped step leaves every parameter and buffer as the step before it left them.</summary>
    private sealed class StateAroundSkips(nn.Module method) : ITrainingObserver
    {
        private Dictionary<string, Tensor> _before = [];

        public List<long> Skipped { get; } = [];

        public void OnStep(long step, int epoch, float loss, int images, double learningRate) =>
            _before = method.state_dict().ToDictionary(p => p.Key, p => p.Value.clone());

        public void OnStepSkipped(long step, int epoch)
        {
            Skipped.Add(step);
            foreach (var (name, value) in method.state_dict())
                Assert.True(value.equal(_before[name]).all().item<bool>(), $"{name} changed in skipped step {step}");
        }
    }
}
