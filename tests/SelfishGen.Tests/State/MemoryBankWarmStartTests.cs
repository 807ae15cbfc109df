using SelfishGen.Methods;
using SelfishGen.Modules;
using SelfishGen.State;
using SelfishGen.Tests.Data;
using SelfishGen.Tests.Methods;

namespace SelfishGen.Tests.State;

public sealed class MemoryBankWarmStartTests
{
    [Theory]
    [InlineData(300, new[] { 256, 44 })]
    [InlineData(257, new[] { 257 })] // not a last batch of one image, which batch norm cannot normalise by itself
    public void Every_entry_becomes_the_normalised_embedding_of_its_image_by_batch_statistics_and_the_modes_are_restored(int count, int[] batches)
    {
        using var scope = NewDisposeScope();
        var images = new RandomPatterns(count, size: 8);
        var method = TinyMethods.Create("InstanceDiscrimination", images);
        var norms = method.modules().OfType<TorchSharp.Modules.BatchNorm>().ToList();
        var (first, second) = (new MemoryBank(images.Count, 4, new Generator(1)), new MemoryBank(images.Count, 2, new Generator(2)));
        var (sizes, modes) = (new List<int>(), new List<(bool Method, bool Norms)>());

        MemoryBankWarmStart.Fill(method, images, batch =>
        {
            sizes.Add((int)batch.shape[0]);
            modes.Add((method.training, norms.All(norm => norm.training)));
            var pixels = batch.flatten(1);
            return [pixels[.., ..4], pixels[.., 4..6].neg()];
        }, [first, second]);

        var all = images.LoadImages(Enumerable.Range(0, images.Count).ToArray()).flatten(1);
        Assert.True(allclose(first.Entries, nn.functional.normalize(all[.., ..4], dim: 1), rtol: 1e-5, atol: 1e-6));
        Assert.True(allclose(second.Entries, nn.functional.normalize(all[.., 4..6].neg(), dim: 1), rtol: 1e-5, atol: 1e-6));
        Assert.Equal(batches, sizes);
        Assert.All(modes, mode => Assert.Equal((false, true), mode)); // eval mode but batch norms, which use the batch's statistics
        Assert.True(method.training && norms.All(norm => norm.training));
    }

    [Fact]
    public void The_embeddings_are_those_of_a_training_step_without_its_side_effects()
    {
        using var scope = NewDisposeScope();
        var images = new RandomPatterns(40, size: 8);
        var method = TinyMethods.Create("InstanceDiscrimination", images);
        var backbone = method.Backbone;
        var bank = new MemoryBank(images.Count, (int)backbone.call(images.LoadImages([0, 1])).shape[1], new Generator(3));
        var statistics = method.state_dict().Where(entry => entry.Key.Contains("running")).ToDictionary(entry => entry.Key, entry => entry.Value.clone());

        MemoryBankWarmStart.Fill(method, images, batch => [backbone.call(batch)], [bank]);

        var all = images.LoadImages(Enumerable.Range(0, images.Count).ToArray());
        Assert.True(allclose(bank.Entries, nn.functional.normalize(RunningStatistics.Unchanged(method, () => backbone.call(all)), dim: 1), rtol: 1e-4, atol: 1e-5));
        Assert.All(statistics, entry => TensorAssert.Identical(method.state_dict()[entry.Key], entry.Value));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_fresh_run_warm_starts_the_bank_before_its_first_step_unless_told_not_to(bool warmStart)
    {
        using var scope = NewDisposeScope();
        var images = new RandomPatterns(64);
        var options = (InstanceDiscrimination.Options)TinyMethods.Options(nameof(InstanceDiscrimination)) with { BankWarmStart = warmStart };
        manual_seed(1);
        var method = new InstanceDiscrimination(images, options, new ConvNet(images.Shape, width: 8));
        var bank = method.named_buffers().Single(b => b.name == "memory_bank.entries").buffer;
        var random = bank.clone();
        using var store = new TempFolder();
        using var stopped = new CancellationTokenSource();
        stopped.Cancel();

        Assert.Throws<OperationCanceledException>(() => method.Supervise(epochs: 1, batchSize: 16, name: store.File("id"), cancellation: stopped.Token));

        Assert.Equal(0, method.State.Step);
        Assert.True(allclose(bank.norm(1), ones(images.Count)));
        var unchanged = bank.eq(random).all(1);
        Assert.Equal(warmStart ? 0 : images.Count, unchanged.sum().item<long>());
    }
}
