using SelfishGen.Objectives;

namespace SelfishGen.Tests.Objectives;

public sealed class NegativeCosineLossTests
{
    [Fact]
    public void It_is_two_minus_twice_the_cosine()
    {
        using var scope = NewDisposeScope();
        var predictions = tensor(new float[,] { { 1, 0 }, { 0, 2 } });
        var targets = tensor(new float[,] { { 1, 1 }, { 0, -1 } });

        var loss = new NegativeCosineLoss().Loss(predictions, targets);

        Assert.Equal(((2 - Math.Sqrt(2)) + 4) / 2, loss.ToDouble(), 5);
    }

    [Fact]
    public void SimSiam_scores_a_pair_minus_half_its_cosine()
    {
        using var scope = NewDisposeScope();
        var predictions = tensor(new float[,] { { 1, 0 }, { 0, 2 } });
        var targets = tensor(new float[,] { { 1, 1 }, { 0, -1 } });

        var loss = new NegativeCosineLoss(BootstrapLossForm.SimSiam).Loss(predictions, targets);

        Assert.Equal(-0.5 * (Math.Sqrt(0.5) - 1) / 2, loss.ToDouble(), 5);
    }

    [Fact]
    public void No_gradient_reaches_the_targets()
    {
        using var scope = NewDisposeScope();
        var predictions = randn([3, 4], requires_grad: true);
        var targets = randn([3, 4], requires_grad: true);

        new NegativeCosineLoss().Loss(predictions, targets).backward();

        Assert.NotNull(predictions.grad);
        Assert.Null(targets.grad);
    }

    [Fact]
    public void The_symmetric_loss_crosses_the_views()
    {
        using var scope = NewDisposeScope();
        var p1 = tensor(new float[,] { { 1, 0 } });
        var p2 = tensor(new float[,] { { 0, 1 } });

        var loss = new NegativeCosineLoss().Symmetric(p1, p1, p2, p2);

        Assert.Equal(4, loss.ToDouble(), 5);
    }
}
