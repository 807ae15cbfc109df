using SelfishGen.Objectives;

namespace SelfishGen.Tests.Objectives;

public sealed class BarlowTwinsLossTests
{
    [Fact]
    public void It_matches_a_hand_computed_cross_correlation()
    {
        using var scope = NewDisposeScope();
        var first = tensor(new float[,] { { 1, 2 }, { 3, 0 } });
        var second = tensor(new float[,] { { 0, 1 }, { 2, 3 } });

        var loss = new BarlowTwinsLoss(lambda: 0.5).Loss(first, second);

        // Standardised: first → [[−1, 1], [1, −1]]/s, second → [[−1, −1], [1, 1]]/s, s² = 1 + 1e-5,
        // so C = [[1, 1], [−1, −1]]/s².
        var c = 1 / (1 + 1e-5);
        var expected = Math.Pow(1 - c, 2) + Math.Pow(1 + c, 2) + 0.5 * (c * c + c * c);
        Assert.Equal(expected, loss.ToDouble(), 4);
    }

    [Fact]
    public void The_loss_scale_multiplies_the_loss_and_its_gradients()
    {
        using var scope = NewDisposeScope();
        var random = new Generator(5);
        var first = randn([6, 4], generator: random).requires_grad_();
        var second = randn([6, 4], generator: random);

        var plain = new BarlowTwinsLoss(0.05).Loss(first, second);
        var plainGradient = autograd.grad([plain], [first])[0];
        var scaled = new BarlowTwinsLoss(0.05, lossScale: 0.1).Loss(first, second);
        var scaledGradient = autograd.grad([scaled], [first])[0];

        Assert.True(plain.ToDouble() > 1);
        Assert.Equal(0.1 * plain.ToDouble(), scaled.ToDouble(), 5);
        Assert.True(scaledGradient.allclose(plainGradient * 0.1, rtol: 1e-5, atol: 1e-7));
    }

    [Fact]
    public void A_loss_scale_of_zero_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BarlowTwinsLoss(0.005, lossScale: 0));
    }

    [Fact]
    public void Perfectly_correlated_decorrelated_views_cost_nothing()
    {
        using var scope = NewDisposeScope();
        var views = tensor(new float[,] { { 1, 1 }, { 1, -1 }, { -1, 1 }, { -1, -1 } });

        Assert.Equal(0, new BarlowTwinsLoss().Loss(views, views).ToDouble(), 3);
    }

    [Fact]
    public void Gradients_match_finite_differences()
    {
        var random = new Generator(3);
        var loss = new BarlowTwinsLoss(0.1);

        GradientCheck.Matches(x => loss.Loss(x[0], x[1]), randn([5, 3], generator: random), randn([5, 3], generator: random));
    }
}
