using SelfishGen.Objectives;

namespace SelfishGen.Tests.Adversarial;

public sealed class AdversarialLossTests
{
    private static readonly float Ln2 = MathF.Log(2);

    [Fact]
    public void Undecided_logits_cost_ln_2_per_term()
    {
        var loss = new AdversarialLoss();

        Assert.Equal(2 * Ln2, loss.Discriminator(zeros(4), zeros(4)).item<float>(), 5);
        Assert.Equal(Ln2, loss.Generator(zeros(4)).item<float>(), 5);
    }

    [Fact]
    public void A_confident_discriminator_wins_and_its_generator_loses()
    {
        var loss = new AdversarialLoss();
        var (real, fake) = (full(4, 20f), full(4, -20f));

        Assert.True(loss.Discriminator(real, fake).item<float>() < 1e-6);
        Assert.Equal(20f, loss.Generator(fake).item<float>(), 3);
    }

    [Fact]
    public void BiGan_encoder_and_generator_use_the_discriminator_labels_flipped()
    {
        var loss = new BiGanLoss();
        var (encoded, generated) = (tensor(new[] { 2f, -1f }), tensor(new[] { 0.5f, -3f }));

        Assert.Equal(loss.Discriminator(generated, encoded).item<float>(), loss.EncoderGenerator(encoded, generated).item<float>(), 6);
        Assert.Equal(new AdversarialLoss().Discriminator(encoded, generated).item<float>(), loss.Discriminator(encoded, generated).item<float>(), 6);
    }

    [Fact]
    public void BiGan_cycle_term_adds_its_weight_times_the_mean_squared_error_of_the_images_given_back()
    {
        var (game, images, reconstructed) = (tensor(1.5f), tensor(new[] { 0f, 1f, 2f, 3f }), tensor(new[] { 1f, 1f, 0f, 3f }));

        Assert.Equal(1.5f + 10 * (1f + 4f) / 4, new BiGanLoss(cycleWeight: 10).WithCycle(game, reconstructed, images).item<float>(), 5);
        Assert.Equal(1.5f, new BiGanLoss(cycleWeight: 0).WithCycle(game, reconstructed, images).item<float>(), 6);
        Assert.Throws<ArgumentOutOfRangeException>(() => new BiGanLoss(cycleWeight: -1));
    }

    [Fact]
    public void BiGan_latent_cycle_term_adds_its_weight_times_the_mean_squared_error_of_the_codes_given_back()
    {
        var (loss, codes, recovered) = (tensor(2f), tensor(new[] { 0f, -1f, 2f }), tensor(new[] { 3f, -1f, 2f }));

        Assert.Equal(2f + 0.5f * 9f / 3, new BiGanLoss(latentCycleWeight: 0.5).WithLatentCycle(loss, recovered, codes).item<float>(), 5);
        Assert.Equal(2f, new BiGanLoss(cycleWeight: 10).WithLatentCycle(loss, recovered, codes).item<float>(), 6);
        Assert.Throws<ArgumentOutOfRangeException>(() => new BiGanLoss(latentCycleWeight: -1));
    }
}
