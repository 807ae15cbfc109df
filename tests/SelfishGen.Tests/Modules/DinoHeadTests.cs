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
    public void Without_normalisation_each_prototype_has_a_gain_that_starts_at_one_and_scales_its_logits()
    {
        using var scope = NewDisposeScope();
        manual_seed(6);
        var normalized = new DinoHead(8, [16], bottleneck: 4, outputs: 10);
        manual_seed(6);
        var head = new DinoHead(8, [16], bottleneck: 4, outputs: 10, normalizeLastLayer: false);
        var features = randn(5, 8);

        Assert.True(allclose(head.call(features), normalized.call(features), atol: 1e-6));
        var gains = head.LastLayer.Single(p => p.shape.SequenceEqual(new long[] { 10, 1 }));
        using (no_grad()) gains[3].fill_(4.0f);
        var logits = head.call(features);
        Assert.True(allclose(logits[.., 3], 4 * normalized.call(features)[.., 3], atol: 1e-5));
        Assert.True(allclose(logits[.., 4], normalized.call(features)[.., 4], atol: 1e-6));
        Assert.Equal(2, head.LastLayer.Count());
        Assert.Single(normalized.LastLayer);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Every_parameter_gets_a_gradient(bool normalizeLastLayer)
    {
        using var scope = NewDisposeScope();
        manual_seed(7);
        var head = new DinoHead(6, [12], bottleneck: 3, outputs: 5, normalizeLastLayer: normalizeLastLayer);

        head.call(randn(4, 6)).square().sum().backward();

        Assert.All(head.parameters(), p => Assert.NotNull(p.grad));
    }
}
