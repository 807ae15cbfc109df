using SelfishGen.Data;
using SelfishGen.Modules;

namespace SelfishGen.Tests.Modules;

public sealed class JointDiscriminatorTests
{
    [Theory]
    [InlineData(1, 16, 16, 8)]
    [InlineData(3, 32, 48, 64)]
    public void Gives_one_logit_per_pair(int channels, int height, int width, int latent)
    {
        using var scope = NewDisposeScope();
        var discriminator = new JointDiscriminator(new ImageShape(channels, height, width), latent, width: 8, hidden: 32);
        var logits = discriminator.call(rand(4, channels, height, width), randn(4, latent));
        Assert.Equal([4L], logits.shape);
    }

    [Fact]
    public void Passes_gradients_to_both_the_image_and_the_latent()
    {
        // BiGAN trains its generator through the image and its encoder through the latent.
        using var scope = NewDisposeScope();
        manual_seed(9);
        var discriminator = new JointDiscriminator(new ImageShape(1, 16, 16), 8, width: 8, hidden: 32);
        var images = rand(4, 1, 16, 16).requires_grad_();
        var latent = randn(4, 8).requires_grad_();

        discriminator.call(images, latent).sum().backward();

        Assert.True(images.grad!.abs().sum().item<float>() > 0);
        Assert.True(latent.grad!.abs().sum().item<float>() > 0);
    }
}
