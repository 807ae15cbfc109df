using SelfishGen.Objectives;

namespace SelfishGen.Tests.Objectives;

public sealed class NtXentLossTests
{
    [Fact]
    public void Identical_orthogonal_views_give_the_closed_form_value()
    {
        using var scope = NewDisposeScope();
        var views = tensor(new float[,] { { 2, 0 }, { 0, 3 } });

        var loss = new NtXentLoss(1).Loss(views, views);

        // Each row sees its partner at similarity 1 and two others at 0; itself is masked.
        Assert.Equal(Math.Log(2 + Math.E) - 1, loss.ToDouble(), 5);
    }

    [Fact]
    public void It_matches_a_direct_computation_over_all_2N_anchors()
    {
        using var scope = NewDisposeScope();
        double[][] z = [[1, 0], [0.6, 0.8], [0, 1], [0.8, 0.6], [-1, 0], [0.6, -0.8]];
        const double temperature = 0.5;
        var expected = Enumerable.Range(0, 6).Average(i =>
        {
            var partner = (i + 3) % 6;
            double Similarity(int j) => (z[i][0] * z[j][0] + z[i][1] * z[j][1]) / temperature;
            var normaliser = Enumerable.Range(0, 6).Where(j => j != i).Sum(j => Math.Exp(Similarity(j)));
            return -Similarity(partner) + Math.Log(normaliser);
        });
        var all = tensor(z.SelectMany(r => r).ToArray(), [6, 2]);

        var loss = new NtXentLoss(temperature).Loss(all[..3], all[3..]);

        Assert.Equal(expected, loss.ToDouble(), 10);
    }

    [Fact]
    public void It_is_symmetric_in_the_views()
    {
        using var scope = NewDisposeScope();
        var random = new Generator(2);
        var first = randn([4, 3], generator: random);
        var second = randn([4, 3], generator: random);
        var loss = new NtXentLoss(0.2);

        Assert.Equal(loss.Loss(first, second).ToDouble(), loss.Loss(second, first).ToDouble(), 5);
    }
}
