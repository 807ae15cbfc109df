using SelfishGen.Distributed;
using static TorchSharp.torch.nn;

namespace SelfishGen.Tests.Distributed;

/// <summary>
/// Synchronised batch norm: two ranks with half the batch each give the whole batch's outputs, weight gradients
/// (averaged) and running statistics; suspended, each rank normalises its own rows.
/// </summary>
public sealed class SyncBatchNormTests
{
    private const int Ranks = 2;
    private const int Rows = 4;

    private static TorchSharp.Modules.Sequential Model(int seed)
    {
        manual_seed(seed);
        return Sequential(Conv2d(2, 3, 3, padding: 1), BatchNorm2d(3), ReLU(), Flatten(), Linear(3 * 25, 4), BatchNorm1d(4));
    }

    private static Tensor Loss(Tensor output) => output.square().sum(1).log1p().mean();

    [Fact]
    public void Ranks_normalise_with_the_whole_batch_statistics()
    {
        using var scope = NewDisposeScope();
        var images = randn([Ranks * Rows, 2, 5, 5], generator: new Generator(3));
        var whole = Model(1);
        var expected = whole.call(images);
        Loss(expected).backward();
        var models = Enumerable.Range(0, Ranks).Select(_ => Model(1)).ToArray();

        var results = ThreadRanks.Run(Ranks, world =>
        {
            var model = models[world.Rank];
            using var sync = SyncBatchNorm.Attach(model);
            var output = model.call(images.narrow(0, world.Rank * Rows, Rows));
            Loss(output).backward();
            foreach (var parameter in model.parameters())
            {
                world.AllReduce(parameter.grad!);
                parameter.grad!.div_(world.Size);
            }
            return CrossRank.Gather(output.detach());
        });

        Assert.True(results[0].allclose(expected, rtol: 1e-4, atol: 1e-5), "outputs differ from the whole batch's");
        foreach (var model in models)
        {
            foreach (var ((name, mine), (_, reference)) in model.named_parameters().Zip(whole.named_parameters()))
                Assert.True(mine.grad!.allclose(reference.grad!, rtol: 1e-4, atol: 1e-6), $"gradient of {name}");
            foreach (var ((name, mine), (_, reference)) in model.named_buffers().Zip(whole.named_buffers()))
                Assert.True(mine.allclose(reference, rtol: 1e-5, atol: 1e-6), $"buffer {name}");
        }
    }

    [Fact]
    public void Suspended_each_rank_normalises_its_own_rows()
    {
        using var scope = NewDisposeScope();
        var images = randn([Ranks * Rows, 2, 5, 5], generator: new Generator(3));
        var models = Enumerable.Range(0, Ranks + 1).Select(_ => Model(1)).ToArray();
        var alone = models[Ranks].call(images.narrow(0, Rows, Rows));

        var outputs = ThreadRanks.Run(Ranks, world =>
        {
            using var sync = SyncBatchNorm.Attach(models[world.Rank]);
            using var suspended = SyncBatchNorm.Suspend();
            return models[world.Rank].call(images.narrow(0, world.Rank * Rows, Rows)).detach();
        });

        Assert.True(outputs[1].allclose(alone, rtol: 0, atol: 0));
    }
}
