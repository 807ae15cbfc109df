using SelfishGen.Methods;

namespace SelfishGen.Tests.Training;

/// <summary>
/// Each built-in method trains with its paper's recipe unless told otherwise: what each resolves to, that overrides
/// win, and the schedules a recipe builds.
/// </summary>
public sealed class RecipeTests : IDisposable
{
    private readonly string _store = Directory.CreateTempSubdirectory("selfish-recipe-").FullName;

    public void Dispose() => Directory.Delete(_store, recursive: true);

    // method, optimizer, learning rate at 512 images per batch, weight decay, schedule, warm-up epochs, batch size
    public static TheoryData<string, OptimizerKind, double, double, LrScheduleKind, int, int> Recipes => new()
    {
        { "RotateNet", OptimizerKind.Adam, 1e-3, 0.0, LrScheduleKind.Constant, 0, 64 },
        { "Jigsaw", OptimizerKind.Sgd, 0.01, 5e-4, LrScheduleKind.Cosine, 0, 256 },
        { "ExemplarNet", OptimizerKind.Sgd, 0.01, 5e-4, LrScheduleKind.Cosine, 0, 128 },
        { "DenoiseNet", OptimizerKind.Adam, 1e-3, 0, LrScheduleKind.Constant, 0, 64 },
        { "ContextNet", OptimizerKind.Adam, 1e-3, 0, LrScheduleKind.Constant, 0, 64 },
        { "SplitBrain", OptimizerKind.Adam, 1e-3, 0, LrScheduleKind.Constant, 0, 64 },
        { "BiGAN", OptimizerKind.Adam, 2e-4, 2.5e-5, LrScheduleKind.Constant, 0, 128 },
        { "SimCLR", OptimizerKind.Lars, 0.8, 1e-4, LrScheduleKind.Cosine, 10, 256 },
        { "MoCo", OptimizerKind.Lars, 0.8, 1e-4, LrScheduleKind.Cosine, 10, 256 },
        { "InstanceDiscrimination", OptimizerKind.Sgd, 0.06, 5e-4, LrScheduleKind.Cosine, 0, 256 },
        { "PIRL", OptimizerKind.Sgd, 0.06, 1e-4, LrScheduleKind.Cosine, 0, 256 },
        { "CMC", OptimizerKind.Sgd, 0.06, 1e-4, LrScheduleKind.Cosine, 0, 256 },
        { "CPC", OptimizerKind.Adam, 2e-4, 0, LrScheduleKind.Constant, 0, 64 },
        { "BYOL", OptimizerKind.Lars, 2.0, 1e-5, LrScheduleKind.Cosine, 10, 256 },
        { "SimSiam", OptimizerKind.Sgd, 1.0, 1e-5, LrScheduleKind.Cosine, 10, 256 },
        { "BarlowTwins", OptimizerKind.Lars, 0.6, 1e-4, LrScheduleKind.Cosine, 10, 256 },
        { "VICReg", OptimizerKind.Lars, 0.4, 1e-6, LrScheduleKind.Cosine, 10, 256 },
        { "DINO", OptimizerKind.Lars, 0.6, 1e-6, LrScheduleKind.Cosine, 10, 256 },
    };

    [Theory]
    [MemberData(nameof(Recipes))]
    public void Each_method_declares_its_papers_recipe(
        string method, OptimizerKind optimizer, double lrAt512, double weightDecay, LrScheduleKind schedule, int warmupEpochs, int batchSize)
    {
        var recipe = MethodRegistry.Get(method).Recipe;

        Assert.Equal(optimizer, recipe.Optimizer);
        Assert.Equal(lrAt512, recipe.LearningRateFor(512), 12);
        Assert.Equal(weightDecay, recipe.WeightDecay);
        Assert.Equal(schedule, recipe.Schedule);
        Assert.Equal(warmupEpochs, recipe.WarmupEpochs);
        Assert.Equal(batchSize, recipe.BatchSize);
        Assert.Empty(recipe.Validate());
    }

    [Fact]
    public void Every_registered_library_method_has_a_recipe_row() =>
        Assert.Equal(
            MethodRegistry.All.Where(m => m.Create.Method.DeclaringType?.Namespace == typeof(RotateNet).Namespace).Select(m => m.Name).Order(),
            Recipes.Select(row => (string)row[0]).Order());

    [Fact]
    public void The_GAN_recipes_use_a_first_moment_decay_of_one_half_as_DCGAN()
    {
        Assert.Equal(0.5, MethodRegistry.Get("BiGAN").Recipe.Beta1);
        Assert.Equal(0.5, MethodRegistry.Get("ContextNet").Recipe.Beta1);
        Assert.Equal(0.9, MethodRegistry.Get("DenoiseNet").Recipe.Beta1);
    }

    [Fact]
    public void DINO_clips_gradients_and_freezes_its_last_layer_for_an_epoch()
    {
        var recipe = MethodRegistry.Get("DINO").Recipe;

        Assert.Equal(3.0, recipe.GradientClip);
        Assert.Equal(1, recipe.FreezeLastLayerEpochs);
    }

    // The paper's ViT recipe: AdamW with the weight decay rising from 0.04 to 0.4 along a cosine.
    internal static TrainingRecipe RisingDecay => TrainingRecipe.Default with
    {
        Optimizer = OptimizerKind.AdamW, LearningRate = 5e-4, WeightDecay = 0.04, FinalWeightDecay = 0.4,
    };

    [Fact]
    public void A_rising_weight_decay_follows_a_cosine_from_start_to_end()
    {
        Assert.Equal(0.04, RisingDecay.WeightDecayAt(0), 12);
        Assert.Equal(0.22, RisingDecay.WeightDecayAt(0.5), 12);
        Assert.Equal(0.4, RisingDecay.WeightDecayAt(1), 12);
    }

    [Fact]
    public void A_method_that_declares_no_recipe_trains_with_the_library_default()
    {
        // the generator writes no recipe for such a method (RecipeTableTests), so its descriptor keeps the default
        var recipe = new MethodDescriptor("Spin", "", typeof(RotateNet.Options), [], RotateNet.Descriptor.Create).Recipe;

        Assert.Same(TrainingRecipe.Default, recipe);
        Assert.Equal((OptimizerKind.Adam, 1e-3, 0.0, LrScheduleKind.Constant, 64),
            (recipe.Optimizer, recipe.LearningRateFor(512), recipe.WeightDecay, recipe.Schedule, recipe.BatchSize));
    }

    [Fact]
    public void Overrides_replace_what_they_name_and_a_given_learning_rate_is_not_scaled()
    {
        var simClr = MethodRegistry.Get("SimCLR").Recipe;

        var overridden = TrainingPlan.Override(simClr, lr: 0.05, optimizer: OptimizerKind.Sgd, batchSize: 32, weightDecay: 1e-4);

        Assert.Equal((OptimizerKind.Sgd, 0.05, 32, 1e-4), (overridden.Optimizer, overridden.LearningRateFor(32), overridden.BatchSize, overridden.WeightDecay));
        Assert.Equal(simClr.Schedule, overridden.Schedule);
        Assert.Equal(0.4 * 32 / 256, TrainingPlan.Override(simClr, batchSize: 32).LearningRateFor(32), 12);
    }

    [Fact]
    public void A_weight_decay_given_is_constant_even_where_the_recipe_raises_it()
    {
        var overridden = TrainingPlan.Override(RisingDecay, weightDecay: 1e-4);

        Assert.Equal((1e-4, 1e-4), (overridden.WeightDecayAt(0), overridden.WeightDecayAt(1)));
        Assert.Equal(0.4, TrainingPlan.Override(RisingDecay, lr: 1e-3).WeightDecayAt(1), 12);
    }

    [Fact]
    public void An_override_that_breaks_the_recipe_is_refused_with_the_rule()
    {
        var error = Assert.Throws<ArgumentException>(() => TrainingPlan.Override(TrainingRecipe.Default, weightDecay: -1));

        Assert.Equal("WeightDecay must be at least 0, not -1.", error.Message);
    }

    [Fact]
    public void Supervise_trains_with_the_recipe_and_overrides_win()
    {
        var data = new SyntheticShapes(32);
        var recipe = TrainingRecipe.Default with { Optimizer = OptimizerKind.Sgd, LearningRate = 0.02, ScaleWithBatch = 16, BatchSize = 8 };
        var byRecipe = new LearningRates();
        TinyRotateNet.Create(data).Supervise(epochs: 1, name: Path.Combine(_store, "recipe"), observer: byRecipe, recipe: recipe);
        var overridden = new LearningRates();
        TinyRotateNet.Create(data).Supervise(lr: 0.003, epochs: 1, batchSize: 16, name: Path.Combine(_store, "override"), observer: overridden, recipe: recipe);

        Assert.Equal((4, 0.01), (byRecipe.Steps, byRecipe.Rates.Distinct().Single())); // 32 / 8 steps at 0.02 × 8/16
        Assert.Equal((2, 0.003), (overridden.Steps, overridden.Rates.Distinct().Single()));
    }

    [Fact]
    public void The_warm_up_takes_at_most_a_tenth_of_a_short_run()
    {
        var schedule = TrainingRecipe.Default with { Schedule = LrScheduleKind.Cosine, WarmupEpochs = 10 };

        var cosine = schedule.ScheduleFor(stepsPerEpoch: 100);

        Assert.Equal(0.1, cosine.Factor(0, totalSteps: 100), 12);  // warm-up over 10 of 100 steps, not 1000
        Assert.Equal(1.0, cosine.Factor(9, totalSteps: 100), 12);
        Assert.True(cosine.Factor(99, totalSteps: 100) < 0.001);
        Assert.Equal(1e-3, cosine.Factor(0, totalSteps: 100_000), 12); // a long run warms up over its 1000 steps
        Assert.Equal(1.0, (schedule with { Schedule = LrScheduleKind.Constant }).ScheduleFor(100).Factor(50, totalSteps: 100));
    }

    private sealed class LearningRates : ITrainingObserver
    {
        public List<double> Rates { get; } = [];

        public int Steps => Rates.Count;

        public void OnStep(long step, int epoch, float loss, int images, double learningRate) => Rates.Add(learningRate);
    }
}
