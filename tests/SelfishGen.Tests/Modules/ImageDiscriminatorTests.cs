using SelfishGen.Data;
using SelfishGen.Modules;

namespace SelfishGen.Tests.Modules;

public sealed class ImageDiscriminatorTests
{
    [Theory]
    [InlineData(1, 2, 2)]
    [InlineData(1, 16, 16)]
    [InlineData(3, 33, 50)]
    [InlineData(3, 96, 96)]
    public void Gives_one_logit_per_image(int channels, int height, int width)
    {
        using var scope = NewDisposeScope();
        var discriminator = new ImageDiscriminator(new ImageShape(channels, height, width), width: 8);
        var logits = discriminator.call(rand(5, channels, height, width));
        Assert.Equal([5L], logits.shape);
    }

    [Fact]
    public void Learns_to_separate_two_image_sets()
    {
        using var scope = NewDisposeScope();
        manual_seed(8);
        var shape = new ImageShape(1, 16, 16);
        var discriminator = new ImageDiscriminator(shape, width: 8);
        // Horizontal versus vertical stripes under the same noise: the mean intensity does not tell them apart.
        using var stripes = (arange(16) % 4 < 2).to_type(ScalarType.Float32);
        using var horizontal = stripes.view(1, 1, 16, 1).expand(8, 1, 16, 16) * 0.5f + rand(8, 1, 16, 16) * 0.5f;
        using var vertical = stripes.view(1, 1, 1, 16).expand(8, 1, 16, 16) * 0.5f + rand(8, 1, 16, 16) * 0.5f;
        using var images = cat([horizontal, vertical]);
        using var labels = cat([ones(8), zeros(8)]);
        var optimizer = optim.Adam(discriminator.parameters(), lr: 1e-2);

        var first = float.NaN;
        for (var step = 0; step < 20; step++)
        {
            using var stepScope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.binary_cross_entropy_with_logits(discriminator.call(images), labels);
            loss.backward();
            optimizer.step();
            if (step == 0)
                first = loss.item<float>();
        }

        var logits = discriminator.call(images);
        var final = nn.functional.binary_cross_entropy_with_logits(logits, labels).item<float>();
        Assert.True(final < 0.2f * first, $"loss {first} → {final}");
        Assert.True(logits.gt(0).eq(labels.gt(0)).all().item<bool>(), "some image is on the wrong side");
    }
}
