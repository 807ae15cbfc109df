using SelfishGen.Pretext;

namespace SelfishGen.Tests.Pretext;

public sealed class DenoisePretextTests
{
    private static readonly Tensor Images = rand(8, 3, 32, 32, generator: new Generator(2, CPU)) * 0.9 + 0.1;

    [Fact]
    public void About_the_drop_rate_of_pixels_is_zeroed_in_every_channel_and_the_rest_kept()
    {
        var (noisy, clean) = new DenoisePretext(0.7).Apply(Steps.Batch(Images), Steps.Context());

        var dropped = noisy.eq(0);
        var droppedPixels = dropped.all(1);
        Assert.Equal(dropped.any(1).sum().item<long>(), droppedPixels.sum().item<long>());
        Assert.InRange(droppedPixels.to(float32).mean().item<float>(), 0.67f, 0.73f);
        Assert.True(Steps.Close(noisy.masked_fill(dropped, 0), Images.masked_fill(dropped, 0), 0));
        Assert.True(Steps.Close(clean, Images, 0));
    }

    [Fact]
    public void Per_channel_dropping_zeroes_channels_independently()
    {
        var (noisy, _) = new DenoisePretext(0.5, perChannel: true).Apply(Steps.Batch(Images), Steps.Context());

        var dropped = noisy.eq(0).to(float32);
        Assert.InRange(dropped.mean().item<float>(), 0.47f, 0.53f);
        Assert.InRange(dropped.prod(1).mean().item<float>(), 0.10f, 0.15f);
    }

    [Fact]
    public void Gaussian_noise_is_added_after_dropping()
    {
        var (plain, _) = new DenoisePretext(0.3).Apply(Steps.Batch(Images), Steps.Context());
        var (noisy, _) = new DenoisePretext(0.3, noiseSigma: 0.1).Apply(Steps.Batch(Images), Steps.Context());

        var difference = (noisy - plain).std().item<float>();
        Assert.InRange(difference, 0.05f, 0.15f);
        Assert.InRange(noisy.min().item<float>(), 0f, 1f);
        Assert.InRange(noisy.max().item<float>(), 0f, 1f);
    }
}
