using SelfishGen.Methods;
using SelfishGen.Modules;
using SelfishGen.State;
using SelfishGen.Tests.Data;
using SelfishGen.Tests.Methods;

namespace SelfishGen.Tests.State;

public sealed class MemoryBankWarmStartTests
{
    [Fact]
    public void Every_entry_becomes_the_normalised_embedding_of_its_image_computed_in_eval_mode()
    {
        using var scope = NewDisposeScope();
        var images = new RandomPatterns(300, size: 8);
        var method = TinyMethods.Create("InstanceDiscrimination", images);
        var (first, second) = (new MemoryBank(images.Count, 4, new Generator(1)), new MemoryBank(images.Count, 2, new Generator(2)));
        var modes = new List<bool>();

        MemoryBankWarmStart.Fill(method, images, batch =>
        {
            modes.Add(method.training);
            var pixels = batch.flatten(1);
            return [pixels[.., ..4], pixels[.., 4..6].neg()];
        }, [first, second]);

        var all = images.LoadImages(Enumerable.Range(0, images.Count).ToArray()).flatten(1);
        Assert.True(allclose(first.Entries, nn.functional.normalize(all[.., ..4], dim: 1), rtol: 1e-5, atol: 1e-6));
        Assert.True(allclose(second.Entries, nn.functional.normalize(all[.., 4..6].neg(), dim: 1), rtol: 1e-5, atol: 1e-6));
        Assert.Equal(2, modes.Count); // 300 images in batches of 256
        Assert.All(modes, Assert.False);
        Assert.True(method.training);
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
