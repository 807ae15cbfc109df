using SelfishGen.Modules;

namespace SelfishGen.Tests.Modules;

public sealed class NormLayersTests
{
    [Theory]
    [InlineData(NormKind.Batch)]
    [InlineData(NormKind.Layer)]
    public void Starts_as_a_plain_standardisation(NormKind kind)
    {
        using var scope = NewDisposeScope();
        var norm = NormLayers.Create(kind, 8);
        using var maps = randn(4, 8, 5, 5) * 3 + 2;

        var normalised = norm.call(maps);

        Assert.True(normalised.mean().abs().item<float>() < 1e-4);
        Assert.True((normalised.std() - 1).abs().item<float>() < 1e-2);
    }

    [Fact]
    public void Layer_norm_standardises_each_sample_on_its_own_in_training_and_evaluation()
    {
        using var scope = NewDisposeScope();
        var norm = NormLayers.Create(NormKind.Layer, 8);
        using var maps = randn(3, 8, 4, 4) * tensor(new float[] { 1, 10, 100 }).view(3, 1, 1, 1);

        var training = norm.call(maps);
        norm.eval();
        var evaluation = norm.call(maps);

        Assert.True(training.allclose(evaluation));
        var perSampleStd = training.flatten(1).std(1, unbiased: false);
        Assert.True(perSampleStd.allclose(ones(3), atol: 1e-3), perSampleStd.ToString(TorchSharp.TensorStringStyle.Julia));
    }
}
