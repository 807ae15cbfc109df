using SelfishGen.Data;
using SelfishGen.Modules;
using SelfishGen.Tests.Training;

namespace SelfishGen.Tests.Modules;

public sealed class ConvDecoderTests
{
    [Theory]
    [InlineData(64, 1, 1, 3, 32, 32)]
    [InlineData(64, 7, 7, 3, 225, 225)]
    [InlineData(32, 2, 3, 1, 28, 28)]
    [InlineData(16, 5, 5, 3, 40, 72)]
    [InlineData(16, 8, 8, 1, 6, 6)]
    public void Decodes_any_map_size_to_exactly_the_requested_image_in_the_unit_range(
        int mapChannels, int mapHeight, int mapWidth, int channels, int height, int width)
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        var output = new ImageShape(channels, height, width);
        var decoder = ConvDecoder.For(new ImageShape(mapChannels, mapHeight, mapWidth), output, width: 32);
        using var maps = randn(3, mapChannels, mapHeight, mapWidth) * 10;

        var images = decoder.call(maps);

        Assert.Equal(output.WithBatch(3), images.shape);
        Assert.True(images.min().item<float>() >= 0 && images.max().item<float>() <= 1);
    }

    [Fact]
    public void An_unbounded_decoder_leaves_the_sigmoid_out()
    {
        using var scope = NewDisposeScope();
        var maps = new ImageShape(16, 4, 4);
        var output = new ImageShape(3, 16, 16);
        manual_seed(2);
        var bounded = ConvDecoder.For(maps, output, width: 16);
        manual_seed(2);
        var unbounded = ConvDecoder.For(maps, output, width: 16, bounded: false);
        using var features = randn(2, 16, 4, 4) * 10;

        var values = unbounded.call(features);

        Assert.True(values.min().item<float>() < 0 && values.max().item<float>() > 1, "unbounded values span more than [0, 1]");
        Assert.True(values.sigmoid().allclose(bounded.call(features), rtol: 1e-5, atol: 1e-6), "the same weights give the sigmoid of it when bounded");
    }

    [Theory]
    [InlineData(1, 32, 5)]
    [InlineData(7, 225, 5)]
    [InlineData(7, 28, 2)]
    [InlineData(4, 16, 2)]
    [InlineData(8, 6, 0)]
    [InlineData(8, 225, 5)]
    public void Uses_the_number_of_doublings_closest_to_the_output(int mapSize, int imageSize, int doublings)
    {
        var decoder = ConvDecoder.For(new ImageShape(8, mapSize, mapSize), new ImageShape(1, imageSize, imageSize), width: 8);
        var transposed = decoder.modules().Count(module => module is ChannelAlignedConvTranspose2d);
        Assert.Equal(doublings, transposed);
    }

    [Fact]
    public void A_tiny_autoencoder_learns_to_reconstruct()
    {
        using var scope = NewDisposeScope();
        manual_seed(4);
        var data = new SyntheticShapes(8, size: 16);
        var encoder = new ConvNet(data.Shape, width: 8);
        var decoder = ConvDecoder.For(BackboneProbe.FeatureMapShape(encoder), data.Shape, width: 32);
        var parameters = encoder.parameters().Concat(decoder.parameters());
        var optimizer = optim.Adam(parameters, lr: 1e-2);
        using var images = data.LoadImages([0, 1, 2, 3, 4, 5, 6, 7]);

        var losses = new List<float>();
        for (var step = 0; step < 30; step++)
        {
            using var stepScope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.mse_loss(decoder.call(encoder.FeatureMaps(images)), images);
            loss.backward();
            optimizer.step();
            losses.Add(loss.item<float>());
        }

        // A tenth, not just a half: a uniformly dark output already halves the starting error of these images.
        Assert.True(losses[^1] < 0.1 * losses[0], $"MSE {losses[0]} → {losses[^1]}");
    }
}
