using SelfishGen.Data;
using SelfishGen.Modules;
using SelfishGen.Tests.Training;

namespace SelfishGen.Tests.Methods;

/// <summary>
/// Every built-in method trains on tiny images (its loss falls) and resumes from a checkpoint exactly, on grayscale
/// images except CMC and SplitBrain, which need colour.
/// </summary>
public sealed class MethodTrainingTests : IDisposable
{
    private const int Epochs = 6;
    private const int BatchSize = 16;
    private readonly string _store = Directory.CreateTempSubdirectory("selfish-methods-").FullName;

    public void Dispose() => Directory.Delete(_store, recursive: true);

    public static TheoryData<string> Methods => [.. TinyMethods.Names];

    // BiGAN's encoder-generator loss is one side of a game, not a descent: AdversarialTrainingTests checks that its
    // discriminator learns and its encoder and generator train.
    public static TheoryData<string> DescendingMethods => [.. TinyMethods.Names.Where(name => name != "BiGAN")];

    // Grayscale for every method that can take it.
    private static RandomPatterns Images(string method) => new(64, channels: TinyMethods.ColourMethods.Contains(method) ? 3 : 1);

    // Jigsaw needs edges that run across its patches: smooth patterns give nothing to order the patches by.
    private static IImageDataset TrainingImages(string method) =>
        method == "Jigsaw" ? new SyntheticShapes(64, seed: 3) : new RandomPatterns(64, channels: 3, cells: 2);

    /// <remarks>
    /// The first epoch fills queues and memory banks, whose random start makes early losses unrepresentative (a
    /// queue of random keys is easy to beat), so the reference is the higher of the first two epochs. Colour images
    /// of coarse patterns: distinct enough for a few steps to tell images apart (shapes for Jigsaw).
    /// </remarks>
    [Theory]
    [MemberData(nameof(DescendingMethods))]
    public void Loss_falls_over_training(string method)
    {
        var report = TinyMethods.Create(method, TrainingImages(method))
            .Supervise(lr: TinyMethods.LearningRate(method), epochs: Epochs, batchSize: BatchSize, name: Path.Combine(_store, method), recipe: TrainingRecipe.Default);

        LossAssert.Falls(report, method);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Resuming_from_a_checkpoint_continues_exactly(string method)
    {
        var straight = TinyMethods.Create(method, Images(method))
            .Supervise(epochs: 2, batchSize: BatchSize, name: Path.Combine(_store, "straight"));

        var cancel = new CancellationTokenSource();
        Assert.ThrowsAny<OperationCanceledException>(() => TinyMethods.Create(method, Images(method))
            .Supervise(epochs: 2, batchSize: BatchSize, name: Path.Combine(_store, "resumed"), observer: new CancelAfter(5, cancel), cancellation: cancel.Token));
        var rest = TinyMethods.Create(method, Images(method), seed: 42)
            .Supervise(epochs: 2, batchSize: BatchSize, name: Path.Combine(_store, "resumed"), pretrained: true);

        Assert.Equal(straight.StepLosses.Skip(5), rest.StepLosses);
    }

    [Fact]
    public void Resuming_a_method_whose_backbone_drops_blocks_at_random_continues_exactly()
    {
        SelfSupervisedMethod Create(int seed) =>
            TinyMethods.Create("BYOL", Images("BYOL"), seed, shape => new EfficientNetB0(shape, dropConnect: 0.5));
        var straight = Create(1).Supervise(epochs: 2, batchSize: BatchSize, name: Path.Combine(_store, "straight"));

        var cancel = new CancellationTokenSource();
        Assert.ThrowsAny<OperationCanceledException>(() => Create(1)
            .Supervise(epochs: 2, batchSize: BatchSize, name: Path.Combine(_store, "resumed"), observer: new CancelAfter(3, cancel), cancellation: cancel.Token));
        manual_seed(123);
        var rest = Create(42).Supervise(epochs: 2, batchSize: BatchSize, name: Path.Combine(_store, "resumed"), pretrained: true);

        Assert.Equal(straight.StepLosses.Skip(3), rest.StepLosses);
    }

    [Fact]
    public void Cmc_encodes_images_with_both_halves_for_evaluation()
    {
        using var method = TinyMethods.Create("CMC", new RandomPatterns(8, channels: 3));

        var encoders = Assert.IsType<LabSplitBackbone>(method.GetBackbone());
        using var features = method.GetBackbone().call(rand(2, 3, 16, 16));

        Assert.Equal(encoders.Lightness.OutputFeatures + encoders.Color.OutputFeatures, features.shape[1]);
        Assert.Equal(2, encoders.Color.Input.Channels);
    }

    [Theory]
    [InlineData("CMC", "CMC needs colour images")]
    [InlineData("SplitBrain", "SplitBrain needs colour images")]
    public void A_colour_method_on_grayscale_images_says_it_needs_colour(string method, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => TinyMethods.Create(method, new RandomPatterns(8, channels: 1)));

        Assert.Contains(message, error.Message);
    }
}
