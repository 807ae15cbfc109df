using SelfishGen.Data;
using SelfishGen.Modules;

namespace SelfishGen.Tests.Modules;

public sealed class LatentGeneratorTests
{
    [Theory]
    [InlineData(16, 1, 28, 28)]
    [InlineData(32, 3, 32, 32)]
    [InlineData(8, 3, 33, 50)]
    [InlineData(4, 1, 2, 2)]
    public void Generates_images_of_the_requested_shape_in_the_unit_range(int latent, int channels, int height, int width)
    {
        using var scope = NewDisposeScope();
        manual_seed(6);
        var output = new ImageShape(channels, height, width);
        var generator = new LatentGenerator(latent, output, width: 32);

        var images = generator.call(randn(4, latent) * 10);

        Assert.Equal(output.WithBatch(4), images.shape);
        Assert.Equal(output, generator.Output);
        Assert.True(images.min().item<float>() >= 0 && images.max().item<float>() <= 1);
    }

    [Fact]
    public void Different_codes_give_different_images()
    {
        using var scope = NewDisposeScope();
        manual_seed(6);
        var generator = new LatentGenerator(8, new ImageShape(1, 16, 16), width: 16);
        var images = generator.call(randn(2, 8));
        Assert.False(images[0].allclose(images[1]));
    }
}
