using SelfishGen.Data;
using SelfishGen.Tests.Methods;
using SelfishGen.Tests.State;
using TorchSharp.Modules;
using DataLoader = SelfishGen.Data.DataLoader;

namespace SelfishGen.Tests.Training;

/// <summary>
/// The parts of DINO's recipe that act on parameters: the last layer (the prototypes) does not train during the first
/// epoch (at most a tenth of the run), every gradient is clipped, and a rising weight decay (the paper's ViT recipe)
/// follows its cosine from start to end value.
/// </summary>
public sealed class DinoRecipeTests : IDisposable
{
    private const int BatchSize = 8;
    private readonly string _store = Directory.CreateTempSubdirectory("selfish-dino-recipe-").FullName;

    public void Dispose() => Directory.Delete(_store, recursive: true);

    private static SelfSupervisedMethod TinyDino() => TinyMethods.Create("DINO", new RandomPatterns(32, channels: 3, cells: 2));

    // The student head's prototypes (the teacher's copy lives under "momentum").
    private static Parameter Prototypes(SelfSupervisedMethod dino) =>
        dino.named_parameters().Single(p => p.name.StartsWith("projector.", StringComparison.Ordinal) && p.name.EndsWith("prototypes", StringComparison.Ordinal)).parameter;

    [Fact]
    public void The_last_layer_stays_fixed_during_the_first_epoch_and_trains_after()
    {
        using var dino = TinyDino();
        var start = Prototypes(dino).detach().clone();
        var snapshots = new PrototypeSnapshots(() => Prototypes(dino));

        dino.Supervise(epochs: 10, name: Path.Combine(_store, "freeze"), observer: snapshots,
            recipe: dino.Recipe with { BatchSize = BatchSize, WarmupEpochs = 0 });

        var firstEpoch = snapshots.Taken.Where(s => s.Epoch == 0).ToList();
        Assert.Equal(32 / BatchSize, firstEpoch.Count);
        Assert.All(firstEpoch, s => TensorAssert.Identical(start, s.Values));
        Assert.False(snapshots.Taken.First(s => s.Epoch == 1).Values.allclose(start, rtol: 0, atol: 0), "the prototypes should train from the second epoch");
        Assert.True(Prototypes(dino).requires_grad);
    }

    [Fact]
    public void A_run_shorter_than_ten_frozen_epochs_freezes_a_tenth_of_itself()
    {
        using var dino = TinyDino();
        var start = Prototypes(dino).detach().clone();
        var snapshots = new PrototypeSnapshots(() => Prototypes(dino));

        dino.Supervise(epochs: 5, name: Path.Combine(_store, "short"), observer: snapshots,
            recipe: dino.Recipe with { BatchSize = BatchSize, WarmupEpochs = 0 });

        Assert.Equal(2, dino.Recipe.FrozenLastLayerSteps(32 / BatchSize, 5 * 32 / BatchSize));
        Assert.All(snapshots.Taken.Take(2), s => TensorAssert.Identical(start, s.Values));
        Assert.False(snapshots.Taken[2].Values.allclose(start, rtol: 0, atol: 0), "the prototypes should train from the third step, within the first epoch");
    }

    [Fact]
    public void A_run_stopped_while_frozen_leaves_the_last_layer_trainable()
    {
        using var dino = TinyDino();
        using var stop = new CancellationTokenSource();

        Assert.Throws<OperationCanceledException>(() => dino.Supervise(epochs: 10, name: Path.Combine(_store, "thaw"),
            recipe: dino.Recipe with { BatchSize = BatchSize }, observer: new StopAfterFirstStep(stop), cancellation: stop.Token));

        Assert.Equal(1, dino.State.Step);
        Assert.True(Prototypes(dino).requires_grad);
    }

    [Fact]
    public void Every_gradient_is_clipped_to_the_recipes_norm()
    {
        using var dino = TinyDino();
        const double Clip = 1e-3; // far below this head's gradients, so that every parameter with one is clipped

        dino.Supervise(epochs: 1, name: Path.Combine(_store, "clip"),
            recipe: dino.Recipe with { BatchSize = BatchSize, GradientClip = Clip, FreezeLastLayerEpochs = 0 });

        var norms = dino.parameters().Where(p => p.requires_grad && p.grad is not null).Select(p => p.grad!.norm().ToDouble()).ToList();
        Assert.NotEmpty(norms);
        Assert.All(norms, norm => Assert.True(norm <= Clip * (1 + 1e-4), $"gradient norm {norm} > {Clip}"));
        Assert.Contains(norms, norm => norm > Clip * 0.99);
    }

    [Fact]
    public void Clipping_leaves_small_gradients_alone_and_scales_large_ones_to_the_norm()
    {
        using var scope = NewDisposeScope();
        var small = new Parameter(zeros(2)) { grad = tensor(new float[] { 0.3f, 0.4f }) };
        var large = new Parameter(zeros(2)) { grad = tensor(new float[] { 30, 40 }) };

        GradientClipping.Apply([small, large], maxNorm: 3);

        Assert.Equal(0.5, small.grad!.norm().ToDouble(), 6);
        Assert.Equal(3.0, large.grad!.norm().ToDouble(), 4);
        Assert.Equal(0.75, large.grad!.data<float>()[0] / large.grad!.data<float>()[1], 5);
    }

    [Fact]
    public void The_weight_decay_of_the_weights_follows_the_schedule_and_biases_never_decay()
    {
        using var scope = NewDisposeScope();
        var layer = nn.Linear(3, 2);
        var recipe = RecipeTests.RisingDecay;
        var plan = new TrainingPlan(recipe, LrSchedule.Constant, Epochs: 1, Shuffle: false, NumWorkers: 0);
        using var optimizer = Optimizers.Create(recipe.OptimizerSettings, layer.parameters(), plan.LearningRate);
        var setup = new TrainingSetup(new DataLoader(new SyntheticShapes(8), 4, false, 0, dropLast: true, prefetch: 1), optimizer, plan);

        setup.ApplySchedule(0, totalSteps: 11);
        var atStart = Decays(optimizer);
        setup.ApplySchedule(5, totalSteps: 11);
        var halfway = Decays(optimizer);
        setup.ApplySchedule(10, totalSteps: 11);
        var atEnd = Decays(optimizer);

        Assert.Equal([0.04, 0.0], atStart.Select(d => Math.Round(d, 12)));
        Assert.Equal([0.22, 0.0], halfway.Select(d => Math.Round(d, 12)));
        Assert.Equal([0.4, 0.0], atEnd.Select(d => Math.Round(d, 12)));
        Assert.Equal(0.4, setup.CurrentWeightDecay, 12);
    }

    // The weight decay of each group: weights first, then biases.
    private static double[] Decays(OptimizerHelper optimizer) =>
        [.. optimizer.ParamGroups.OfType<ParamGroup>().Select(g => ((AdamW.Options)g.Options).weight_decay!.Value)];

    private sealed class StopAfterFirstStep(CancellationTokenSource stop) : ITrainingObserver
    {
        public void OnStep(long step, int epoch, float loss, int images, double learningRate) => stop.Cancel();
    }

    private sealed class PrototypeSnapshots(Func<Parameter> prototypes) : ITrainingObserver
    {
        public List<(int Epoch, Tensor Values)> Taken { get; } = [];

        public void OnStep(long step, int epoch, float loss, int images, double learningRate) =>
            Taken.Add((epoch, prototypes().detach().clone()));
    }
}
