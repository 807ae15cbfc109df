using SelfishGen.Data;
using SelfishGen.Modules;

namespace SelfishGen.Tests.Modules;

public sealed class EfficientNetB0Tests
{
    private static EfficientNetB0 NewNet(NormKind norm = NormKind.Batch, int channels = 3, double dropConnect = 0.2)
    {
        manual_seed(1);
        return new EfficientNetB0(new ImageShape(channels, 32, 32), norm, dropConnect);
    }

    [Theory]
    [InlineData(32, 32, 1, 1)]
    [InlineData(64, 64, 2, 2)]
    [InlineData(96, 96, 3, 3)]
    [InlineData(225, 225, 8, 8)]
    [InlineData(40, 72, 2, 3)]
    public void Feature_maps_are_a_32nd_of_the_input_rounded_up(int height, int width, int mapHeight, int mapWidth)
    {
        using var scope = NewDisposeScope();
        var net = NewNet();
        net.eval();
        using var images = rand(2, 3, height, width);

        using var maps = net.FeatureMaps(images);
        using var pooled = net.call(images);

        Assert.Equal([2L, 1280, mapHeight, mapWidth], maps.shape);
        Assert.Equal([2L, 1280], pooled.shape);
        Assert.Equal(1280, net.OutputFeatures);
    }

    [Fact]
    public void Single_channel_images_are_accepted()
    {
        using var scope = NewDisposeScope();
        var net = NewNet(channels: 1);
        using var features = net.call(rand(2, 1, 32, 32));
        Assert.Equal([2L, 1280], features.shape);
        Assert.False(features.isnan().any().item<bool>());
    }

    [Theory]
    [InlineData(NormKind.Batch)]
    [InlineData(NormKind.Layer)]
    public void Has_the_b0_parameter_count_without_a_classifier(NormKind norm)
    {
        // Per stage, from the b0 table (expand, depthwise, squeeze-excite with biases, project, two affine
        // parameters per normalised channel): stem 928, stages 1 448 + 16 714 + 46 640 + 242 930 + 543 148
        // + 2 026 348 + 717 232, head 412 160. That is the well-known 5 288 548 of B0 minus its 1 281 000-parameter
        // classifier. A 1-channel stem has 2·9·32 = 576 weights fewer.
        Assert.Equal(4_007_548L, ParameterCount(NewNet(norm)));
        Assert.Equal(4_007_548L - 576, ParameterCount(NewNet(norm, channels: 1)));
    }

    [Fact]
    public void Layer_norm_features_of_a_sample_do_not_depend_on_the_rest_of_the_batch()
    {
        using var scope = NewDisposeScope();
        var (alone, inBatch) = FirstSampleAloneAndInBatch(NewNet(NormKind.Layer, dropConnect: 0));
        Assert.True(alone.allclose(inBatch, rtol: 1e-4, atol: 1e-5), $"max difference {(alone - inBatch).abs().max().item<float>()}");
    }

    [Fact]
    public void Batch_norm_features_of_a_sample_depend_on_the_rest_of_the_batch()
    {
        using var scope = NewDisposeScope();
        var (alone, inBatch) = FirstSampleAloneAndInBatch(NewNet(NormKind.Batch, dropConnect: 0));
        Assert.False(alone.allclose(inBatch, rtol: 1e-2, atol: 1e-3));
    }

    [Fact]
    public void Drop_connect_is_off_in_evaluation()
    {
        using var scope = NewDisposeScope();
        var net = NewNet(NormKind.Layer);
        net.eval();
        using var images = rand(4, 3, 32, 32);
        Assert.True(net.call(images).allclose(net.call(images), rtol: 0, atol: 0));
    }

    [Fact]
    public void Drop_connect_is_on_in_training()
    {
        using var scope = NewDisposeScope();
        var net = NewNet(NormKind.Layer);
        net.train();
        using var images = rand(4, 3, 32, 32);
        var first = net.call(images);
        var second = net.call(images);
        // With per-sample norm, the only randomness in a training pass is the drop-connect mask.
        Assert.False(first.allclose(second, rtol: 1e-4, atol: 1e-5));
    }

    [Fact]
    public void Gradients_reach_the_stem()
    {
        using var scope = NewDisposeScope();
        var net = NewNet();
        net.call(rand(2, 3, 32, 32)).pow(2).mean().backward();
        var stem = net.named_parameters().First();
        Assert.True(stem.parameter.grad is { } grad && grad.abs().sum().item<float>() > 0, $"no gradient on {stem.name}");
    }

    /// <summary>Training-mode feature maps of one image passed alone and passed with three others.</summary>
    private static (Tensor Alone, Tensor InBatch) FirstSampleAloneAndInBatch(EfficientNetB0 net)
    {
        net.train();
        using var images = rand(4, 3, 64, 64);
        return (net.FeatureMaps(images[..1]), net.FeatureMaps(images)[..1]);
    }

    private static long ParameterCount(Backbone net) => net.parameters().Sum(parameter => parameter.numel());
}
