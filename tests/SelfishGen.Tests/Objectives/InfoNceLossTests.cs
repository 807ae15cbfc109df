using SelfishGen.Objectives;

namespace SelfishGen.Tests.Objectives;

public sealed class InfoNceLossTests
{
    [Fact]
    public void In_batch_negatives_are_the_other_keys()
    {
        using var scope = NewDisposeScope();
        var queries = tensor(new float[,] { { 3, 0 }, { 0, 2 } });
        var keys = tensor(new float[,] { { 1, 0 }, { 0, 5 } });

        var loss = new InfoNceLoss(0.5).Loss(queries, keys);

        // Normalised logits [[2, 0], [0, 2]]: each row gives log(1 + e^−2).
        Assert.Equal(Math.Log(1 + Math.Exp(-2)), loss.ToDouble(), 5);
    }

    [Fact]
    public void A_shared_bank_supplies_the_negatives_of_every_query()
    {
        using var scope = NewDisposeScope();
        var queries = tensor(new float[,] { { 2, 0 } });
        var keys = tensor(new float[,] { { 0.6f, 0.8f } });
        var bank = tensor(new float[,] { { 0, 3 }, { -1, 0 } });

        var loss = new InfoNceLoss(1).Loss(queries, keys, bank);

        // Logits [0.6 | 0, −1] with the positive first.
        Assert.Equal(-0.6 + Math.Log(Math.Exp(0.6) + 1 + Math.Exp(-1)), loss.ToDouble(), 5);
    }

    [Fact]
    public void Per_sample_negatives_belong_to_their_own_query()
    {
        using var scope = NewDisposeScope();
        var queries = tensor(new float[,] { { 1, 0 }, { 0, 1 } });
        var negatives = tensor(new float[,,] { { { 0, 1 } }, { { 0, -1 } } });

        var loss = new InfoNceLoss(0.5).Loss(queries, queries, negatives);

        // Row 0: logits [2 | 0]; row 1: [2 | −2].
        var expected = (Math.Log(1 + Math.Exp(-2)) + Math.Log(1 + Math.Exp(-4))) / 2;
        Assert.Equal(expected, loss.ToDouble(), 5);
    }

    [Fact]
    public void Gradients_match_finite_differences()
    {
        var random = new Generator(1);
        var loss = new InfoNceLoss(0.3);
        var queries = randn([3, 4], generator: random);
        var keys = randn([3, 4], generator: random);

        GradientCheck.Matches(x => loss.Loss(x[0], x[1]), queries, keys);
        GradientCheck.Matches(x => loss.Loss(x[0], x[1], x[2]), queries, keys, randn([5, 4], generator: random));
        GradientCheck.Matches(x => loss.Loss(x[0], x[1], x[2]), queries, keys, randn([3, 2, 4], generator: random));
    }
}
