using SelfishGen.Modules;

namespace SelfishGen.Tests.Modules;

public sealed class DinoHeadTests
{
    [Fact]
    public void Its_logits_are_cosines_to_unit_prototypes()
    {
        using var scope = NewDisposeScope();
        manual_seed(6);
        var head = new DinoHead(8, [16], bottleneck: 4, outputs: 10);
        var features = randn(5, 8);

        var logits = head.call(features);

        Assert.Equal([5, 10], logits.shape);
        Assert.True(logits.abs().max().ToDouble() <= 1 + 1e-6);
        var prototypes = head.parameters().Single(p => p.shape.SequenceEqual(new long[] { 10, 4 }));
        using (no_grad()) prototypes.mul_(7);
        Assert.True(allclose(head.call(features), logits, atol: 1e-6));
    }

    [Fact]
    public void Every_parameter_gets_a_gradient()
    {
        using var scope = NewDisposeScope();
        manual_seed(7);
        var head = new DinoHead(6, [12], bottleneck: 3, outputs: 5);

        head.call(randn(4, 6)).square().sum().backward();

        Assert.All(head.parameters(), p => Assert.NotNull(p.grad));
    }
}
