using CustomMethod;
using SelfishGen.Data;
using SelfishGen.Modules;
using SelfishGen.Tests.Training;

namespace SelfishGen.Tests.Methods;

/// <summary>
/// The methods of <c>examples/CustomMethod</c> that are not built in, made of views, objectives and a backbone of
/// their own: each trains on tiny generated images with a falling loss, resumes from a checkpoint exactly, and keeps
/// its state (NNCLR's support queue, SwAV's prototypes) in its checkpoints.
/// </summary>
public sealed class OwnPieceMethodTests : IDisposable
{
    private const int BatchSize = 16;
    private readonly string _store = Directory.CreateTempSubdirectory("selfish-own-").FullName;

    public void Dispose() => Directory.Delete(_store, recursive: true);

    public static TheoryData<string> Methods => ["NNCLR", "SwAV"];

    // Tiny heads and queue; NNCLR on a narrow ConvNet, SwAV on the backbone it declares (GroupNormConvNet).
    private static SelfSupervisedMethod Create(string method, IImageDataset images, int seed = 1)
    {
        manual_seed(seed);
        return method switch
        {
            "NNCLR" => new NNCLR(images, new NNCLR.Options { ProjectorHidden = [32], ProjectorOut = 16, PredictorHidden = [32], ObjectiveQueue = 64 }, new ConvNet(images.Shape, width: 8)),
            _ => new SwAV(images, new SwAV.Options { ProjectorHidden = [32], ProjectorOut = 16 }),
        };
    }

    /// <remarks>
    /// As for the built-in methods (<see cref="MethodTrainingTests"/>): colour images of coarse patterns, and the
    /// higher of the first two epochs as the reference, since NNCLR's queue starts as random vectors.
    /// </remarks>
    [Theory]
    [MemberData(nameof(Methods))]
    public void Loss_falls_over_training(string method)
    {
        var report = Create(method, new RandomPatterns(64, channels: 3, cells: 2))
            .Supervise(lr: 3e-3, epochs: 6, batchSize: BatchSize, name: Path.Combine(_store, method));

        LossAssert.Falls(report, method);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Resuming_from_a_checkpoint_continues_exactly(string method)
    {
        var images = new RandomPatterns(64, channels: 3);
        var straight = Create(method, images).Supervise(epochs: 2, batchSize: BatchSize, name: Path.Combine(_store, "straight"));

        var cancel = new CancellationTokenSource();
        Assert.ThrowsAny<OperationCanceledException>(() => Create(method, images)
            .Supervise(epochs: 2, batchSize: BatchSize, name: Path.Combine(_store, "resumed"), observer: new CancelAfter(5, cancel), cancellation: cancel.Token));
        var rest = Create(method, images, seed: 42).Supervise(epochs: 2, batchSize: BatchSize, name: Path.Combine(_store, "resumed"), pretrained: true);

        Assert.Equal(straight.StepLosses.Skip(5), rest.StepLosses);
    }

    [Fact]
    public void The_support_queue_is_saved_in_checkpoints_and_filled_with_embeddings()
    {
        var images = new RandomPatterns(64, channels: 3);
        var name = Path.Combine(_store, "nnclr");
        var trained = Create("NNCLR", images);
        var initial = Buffer(trained, "queue.keys").clone();
        trained.Supervise(epochs: 1, batchSize: BatchSize, name: name);

        var restored = Create("NNCLR", images, seed: 42).Load(name);

        Assert.False(Buffer(trained, "queue.keys").allclose(initial), "the queue still holds its random start");
        Assert.True(Buffer(restored, "queue.keys").eq(Buffer(trained, "queue.keys")).all().item<bool>());
        Assert.Equal(Buffer(trained, "queue.pointer").item<long>(), Buffer(restored, "queue.pointer").item<long>());
    }

    [Fact]
    public void The_prototypes_of_the_objective_train_and_are_restored_with_the_method()
    {
        var name = Path.Combine(_store, "swav");
        var trained = Create("SwAV", new RandomPatterns(64, channels: 3));
        var initial = Parameter(trained, "objective").clone();
        trained.Supervise(epochs: 1, batchSize: BatchSize, name: name);

        var restored = SwAV.Restore(name);

        Assert.False(Parameter(trained, "objective").allclose(initial), "the prototypes did not train");
        Assert.True(Parameter(restored, "objective").eq(Parameter(trained, "objective")).all().item<bool>());
    }

    [Fact]
    public void SwAV_builds_the_backbone_it_declares_unless_its_options_name_a_kind()
    {
        var images = new RandomPatterns(8, channels: 3);

        using var declared = new SwAV(images);
        using var chosen = new SwAV(images, new SwAV.Options { Backbone = BackboneKind.ConvNet });

        Assert.IsType<GroupNormConvNet>(declared.GetBackbone());
        Assert.IsType<ConvNet>(chosen.GetBackbone());
    }

    private static Tensor Buffer(nn.Module method, string name) => method.named_buffers().Single(buffer => buffer.name == name).buffer;

    // The first parameter whose name starts with the prefix, e.g. the objective's prototypes.
    private static Tensor Parameter(nn.Module method, string prefix) => method.named_parameters().First(parameter => parameter.name.StartsWith(prefix, StringComparison.Ordinal)).parameter;
}
