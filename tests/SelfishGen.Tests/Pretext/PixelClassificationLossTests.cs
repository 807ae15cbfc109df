using SelfishGen.Objectives;

namespace SelfishGen.Tests.Pretext;

public sealed class PixelClassificationLossTests
{
    [Fact]
    public void Targets_are_sampled_at_the_centre_of_each_logit_cell()
    {
        var targets = arange(16).view(1, 4, 4);

        var sampled = PixelClassificationLoss.Resample(targets, 2, 2);

        Assert.Equal(new long[] { 5, 7, 13, 15 }, sampled.flatten().data<long>().ToArray());
    }

    [Fact]
    public void At_equal_sizes_it_is_the_per_pixel_cross_entropy()
    {
        var logits = randn(2, 5, 3, 3, generator: new Generator(1, CPU));
        var targets = randint(5, [2, 3, 3], generator: new Generator(2, CPU));

        var loss = new PixelClassificationLoss().Loss(logits, targets);

        var flat = nn.functional.cross_entropy(logits.permute(0, 2, 3, 1).reshape(-1, 5), targets.flatten());
        Assert.Equal(flat.item<float>(), loss.item<float>(), 5);
    }

    [Fact]
    public void Confident_correct_logits_give_almost_no_loss()
    {
        var targets = randint(4, [2, 8, 8], generator: new Generator(3, CPU));
        var logits = nn.functional.one_hot(PixelClassificationLoss.Resample(targets, 4, 4), 4).permute(0, 3, 1, 2).to(float32) * 20;

        Assert.True(new PixelClassificationLoss().Loss(logits, targets).item<float>() < 1e-6);
    }
}
