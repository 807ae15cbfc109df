using SelfishGen.Objectives;

namespace SelfishGen.Tests.Objectives;

public sealed class VicRegLossTests
{
    [Fact]
    public void It_matches_hand_computed_terms()
    {
        using var scope = NewDisposeScope();
        var first = tensor(new float[,] { { 1, 0 }, { 0, 1 } });
        var second = tensor(new float[,] { { 1, 0 }, { 0, 0 } });

        var loss = new VicRegLoss().Loss(first, second);

        // Invariance: one squared difference of 1 over 4 elements. Unbiased variances: 0.5, 0.5 | 0.5, 0.
        // Covariance: first has Cov₀₁ = −0.5 (two entries of 0.25, over D = 2); second has none.
        var hinge = 1 - Math.Sqrt(0.5 + 1e-4);
        var variance = ((hinge + hinge) / 2 + (hinge + (1 - Math.Sqrt(1e-4))) / 2) / 2;
        var expected = 25 * 0.25 + 25 * variance + 1 * 0.25;
        Assert.Equal(expected, loss.ToDouble(), 4);
    }

    [Fact]
    public void The_weights_scale_their_terms()
    {
        using var scope = NewDisposeScope();
        var random = new Generator(4);
        var first = randn([6, 3], generator: random);
        var second = randn([6, 3], generator: random);
        double Term(double sim, double var, double cov) => new VicRegLoss(sim, var, cov).Loss(first, second).ToDouble();

        Assert.Equal(Term(1, 1, 1), Term(1, 0, 0) + Term(0, 1, 0) + Term(0, 0, 1), 4);
        Assert.Equal(nn.functional.mse_loss(first, second).ToDouble(), Term(1, 0, 0), 5);
    }
}
