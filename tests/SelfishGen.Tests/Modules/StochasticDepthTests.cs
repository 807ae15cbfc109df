using SelfishGen.Modules;

namespace SelfishGen.Tests.Modules;

public sealed class StochasticDepthTests
{
    [Fact]
    public void In_training_drops_whole_samples_and_rescales_the_rest()
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        var layer = new StochasticDepth(0.25);
        using var branch = ones(4000, 2, 3, 3);

        var output = layer.call(branch);

        var perSample = output.flatten(1);
        var dropped = perSample.eq(0).all(1);
        var kept = perSample.eq(1 / 0.75f).all(1);
        Assert.True(dropped.logical_or(kept).all().item<bool>(), "a sample is neither fully dropped nor uniformly rescaled");
        var dropRate = dropped.to_type(ScalarType.Float32).mean().item<float>();
        Assert.InRange(dropRate, 0.22f, 0.28f);
    }

    [Fact]
    public void In_evaluation_passes_the_input_through()
    {
        using var scope = NewDisposeScope();
        var layer = new StochasticDepth(0.5);
        layer.eval();
        using var branch = randn(8, 3, 2, 2);
        Assert.True(layer.call(branch).allclose(branch, rtol: 0, atol: 0));
    }
}
