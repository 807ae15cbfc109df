using SelfishGen.Modules;
using SelfishGen.Tests.Methods;
using SelfishGen.Tests.Pretext;
using SelfishGen.Tests.Training;
using TorchSharp.Modules;

namespace SelfishGen.Tests.Adversarial;

/// <summary>The alternating two-optimizer training of <see cref="AdversarialMethod"/>, through the generated ContextNet and BiGAN.</summary>
public sealed class AdversarialTrainingTests : IDisposable
{
    private readonly TrainingRun _run = new();

    public void Dispose() => _run.Dispose();

    private static AdversarialMethod NewContextNet(int seed = 1) =>
        (AdversarialMethod)TinyMethods.Create("ContextNet", new SyntheticShapes(64, seed: 3), seed);

    [Fact]
    public void ContextNet_learns_to_fill_the_erased_blocks_while_its_discriminator_trains()
    {
        var method = NewContextNet();
        var losses = new LossRecorder(method);

        var report = _run.Train(method, epochs: 4, batchSize: 16, observer: losses);

        TrainingRun.AssertFalls(report.StepLosses, 0.6);
        Assert.Equal(report.StepLosses.Count, losses.Discriminator.Count);
        Assert.All(losses.Discriminator, loss => Assert.True(float.IsFinite(loss) && loss > 0));
    }

    [Fact]
    public void BiGan_trains_its_discriminator_encoder_and_generator()
    {
        var method = (AdversarialMethod)TinyMethods.Create("BiGAN", new SyntheticShapes(64, seed: 3));
        var generator = method.named_children().Single(child => child.name == "generator").module;
        var encoderBefore = Snapshot(method.Backbone);
        var generatorBefore = Snapshot(generator);
        var losses = new LossRecorder(method);

        var report = _run.Train(method, epochs: 3, batchSize: 16, lr: 2e-3, observer: losses);

        TrainingRun.AssertFalls(losses.Discriminator, 0.97);
        Assert.All(report.StepLosses, loss => Assert.True(float.IsFinite(loss)));
        Assert.True(Changed(encoderBefore, method.Backbone), "the encoder was not trained");
        Assert.True(Changed(generatorBefore, generator), "the generator was not trained");
    }

    [Fact]
    public void BiGan_with_a_cycle_weight_learns_to_give_images_back_from_their_encodings_and_without_one_does_not()
    {
        var data = new SyntheticShapes(64, seed: 3);
        using var images = data.LoadImages([.. Enumerable.Range(0, data.Count)]);

        var ((gameBefore, gameAfter), (cycleBefore, cycleAfter)) =
            TrainedWithoutAndWith(data, ["CycleWeight=0", "LatentCycleWeight=0"], ["CycleWeight=100", "LatentCycleWeight=0"], method => CycleErrorOf(method, images));

        Assert.Equal(gameBefore, cycleBefore, 6); // the same initial networks
        Assert.True(cycleAfter < 0.2 * cycleBefore, $"with the cycle term: {cycleBefore} → {cycleAfter}");
        Assert.True(cycleAfter < 0.2 * gameAfter, $"with the cycle term {cycleAfter}, the game alone {gameAfter}");
    }

    [Fact]
    public void BiGan_over_flattened_feature_maps_reads_every_position_and_learns_the_cycle()
    {
        var data = new SyntheticShapes(64, seed: 3);
        using var images = data.LoadImages([.. Enumerable.Range(0, data.Count)]);
        var method = TinyMethods.Create("BiGAN", data, extra: ["FlattenedMaps=true", "CycleWeight=100", "LatentCycleWeight=0"]);
        var maps = BackboneProbe.FeatureMapShape(method.Backbone);
        Assert.Equal(maps.Channels * maps.Height * maps.Width, ((Linear)Child(method, "encoder_head")).in_features);
        Assert.True(maps.Height * maps.Width > 1, $"feature maps {maps}: nothing to flatten");

        // At BiGAN's own rate: an Adam step moves a head over h·w times as many inputs about h·w times as far (2·10⁻³ gives 0.5×).
        var (before, after) = TrainedCycleError(method, images, 2e-4, "flattened");

        Assert.True(after < 0.2 * before, $"with the cycle term over flattened maps: {before} → {after}");
    }

    [Fact]
    public void BiGan_with_a_latent_cycle_weight_learns_to_read_back_the_codes_of_its_generated_images_and_without_one_does_not()
    {
        var ((withoutBefore, withoutAfter), (withBefore, withAfter)) = TrainedWithoutAndWith(new SyntheticShapes(64, seed: 3),
            ["LatentCycleWeight=0", "CycleWeight=0"], ["LatentCycleWeight=100", "CycleWeight=0"], LatentCycleErrorOf);

        Assert.Equal(withoutBefore, withBefore, 6); // the same initial networks
        Assert.True(withAfter < 0.6 * withBefore, $"with the latent cycle term: {withBefore} → {withAfter}");
        Assert.True(withAfter < 0.4 * withoutAfter, $"with the latent cycle term {withAfter}, without it {withoutAfter}");
    }

    [Fact]
    public void BiGan_latent_cycle_leaves_the_running_statistics_to_the_real_images()
    {
        var data = new SyntheticShapes(16, seed: 3);
        var without = TinyMethods.Create("BiGAN", data, extra: ["LatentCycleWeight=0"]);
        var with = TinyMethods.Create("BiGAN", data, extra: ["LatentCycleWeight=300"]);
        var initial = RunningStatisticsOf(with);

        // One step: both encoders see the same real batch with the same weights; only "with" also reads generated images.
        _run.Train(without, epochs: 1, batchSize: 16, name: "without");
        _run.Train(with, epochs: 1, batchSize: 16, name: "latent");

        var (real, withLatent) = (RunningStatisticsOf(without), RunningStatisticsOf(with));
        Assert.False(initial.Zip(withLatent).All(pair => pair.First.allclose(pair.Second, rtol: 0, atol: 0)), "the step did not move the running statistics");
        Assert.All(real.Zip(withLatent), pair => Assert.True(pair.First.allclose(pair.Second, rtol: 0, atol: 0), "the generated images moved the running statistics"));
        Assert.True(Changed(Snapshot(without.Backbone), with.Backbone), "the latent cycle term did not change the encoder's step");
    }

    private static Tensor[] RunningStatisticsOf(SelfSupervisedMethod method) =>
        method.Backbone.modules().OfType<BatchNorm>().SelectMany(layer => new[] { layer.running_mean!, layer.running_var! }).Select(t => t.clone()).ToArray();

    // An error of two tiny BiGANs from the same initial networks, one with the options without and one with the
    // options with, each before and after 10 epochs at 2·10⁻³.
    private ((double Before, double After) Without, (double Before, double After) With) TrainedWithoutAndWith(
        SyntheticShapes data, string[] without, string[] with, Func<SelfSupervisedMethod, double> errorOf) =>
        (TrainedError(TinyMethods.Create("BiGAN", data, extra: without), errorOf, 2e-3, "without"),
         TrainedError(TinyMethods.Create("BiGAN", data, extra: with), errorOf, 2e-3, "with"));

    // The cycle error of a tiny BiGAN before and after 10 epochs at learning rate lr.
    private (double Before, double After) TrainedCycleError(SelfSupervisedMethod method, Tensor images, double lr, string name) =>
        TrainedError(method, trained => CycleErrorOf(trained, images), lr, name);

    // An error of a tiny BiGAN before and after 10 epochs at learning rate lr.
    private (double Before, double After) TrainedError(SelfSupervisedMethod method, Func<SelfSupervisedMethod, double> errorOf, double lr, string name)
    {
        var before = errorOf(method);
        _run.Train(method, epochs: 10, batchSize: 16, lr: lr, name: name);
        return (before, errorOf(method));
    }

    // The mean squared error of E(G(z)) against 64 fixed codes z from the pretext's Uniform [−1, 1], in training mode:
    // the term trains the encoder on generated batches normalised by their own batch statistics, while its running
    // statistics describe real images.
    private static double LatentCycleErrorOf(SelfSupervisedMethod method)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var codes = rand([64, ((SelfishGen.Methods.BiGAN.Options)method.Hyperparameters).Latent], generator: new Generator(5)).mul_(2).sub_(1);
        return nn.functional.mse_loss(Encoded(method, Child(method, "generator").call(codes)), codes).item<float>();
    }

    // The mean squared error of G(E(x)) against x, in evaluation mode.
    private static double CycleErrorOf(SelfSupervisedMethod method, Tensor images)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        method.eval();
        var error = nn.functional.mse_loss(Child(method, "generator").call(Encoded(method, images)), images).item<float>();
        method.train();
        return error;
    }

    // E(x): the encoder head over the backbone's features, pooled or flattened as the method's options say.
    private static Tensor Encoded(SelfSupervisedMethod method, Tensor images) =>
        Child(method, "encoder_head").call(EncoderFeatures.Of(method.Backbone, images, ((SelfishGen.Methods.BiGAN.Options)method.Hyperparameters).FlattenedMaps));

    private static nn.Module<Tensor, Tensor> Child(nn.Module method, string name) =>
        (nn.Module<Tensor, Tensor>)method.named_children().Single(child => child.name == name).module;

    [Fact]
    public void Resuming_restores_both_optimizers_and_continues_exactly()
    {
        var straightLosses = new LossRecorder(null);
        var straight = NewContextNet();
        straightLosses.Method = straight;
        _run.Train(straight, epochs: 2, batchSize: 16, name: "straight", observer: straightLosses);

        var cancel = new CancellationTokenSource();
        var first = NewContextNet();
        Assert.ThrowsAny<OperationCanceledException>(() => _run.Train(first, epochs: 2, batchSize: 16, name: "resumed",
            observer: new LossRecorder(first, cancelAfter: 3, cancel), cancellation: cancel.Token));
        var resumed = NewContextNet(seed: 42);
        var resumedLosses = new LossRecorder(resumed);
        _run.Train(resumed, epochs: 2, batchSize: 16, name: "resumed", pretrained: true, observer: resumedLosses);

        Assert.Equal(straightLosses.Main.Skip(3), resumedLosses.Main);
        Assert.Equal(straightLosses.Discriminator.Skip(3), resumedLosses.Discriminator);
    }

    private static Tensor[] Snapshot(nn.Module module) => module.parameters().Select(p => p.detach().clone()).ToArray();

    private static bool Changed(Tensor[] before, nn.Module module) =>
        before.Zip(module.parameters()).All(pair => !pair.First.allclose(pair.Second, rtol: 0, atol: 0));

    /// <summary>Records each step's main and discriminator losses; optionally cancels after some steps.</summary>
    private sealed class LossRecorder(AdversarialMethod? method, int cancelAfter = 0, CancellationTokenSource? cancel = null) : ITrainingObserver
    {
        public AdversarialMethod? Method { get; set; } = method;
        public List<float> Main { get; } = [];
        public List<float> Discriminator { get; } = [];

        public void OnStep(long step, int epoch, float loss, int images, double learningRate)
        {
            Main.Add(loss);
            Discriminator.Add(Method!.LastDiscriminatorLoss);
            if (step + 1 == cancelAfter)
                cancel!.Cancel();
        }
    }
}
