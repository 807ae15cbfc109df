using SelfishGen.Distributed;

namespace SelfishGen.Tests.Distributed;

/// <summary>
/// The gathered batch's gradient: N ranks that each embed B rows with shared weights, gather the embeddings and
/// average their weight gradients get what one process embedding all N·B rows gets, whether each rank computes the
/// whole batch's loss (batch statistics) or its own rows' share of it (in-batch negatives).
/// </summary>
public sealed class AllGatherGradientTests
{
    private const int Ranks = 2;
    private const int Rows = 3;

    // Every row against every other, as in-batch negatives: the log-sum-exp of each anchor's products, averaged over anchors.
    private static Tensor AnchorLoss(Tensor anchors, Tensor all) => anchors.mm(all.t()).logsumexp(1).mean();

    public static TheoryData<bool> Shares => [true, false];

    [Theory]
    [MemberData(nameof(Shares))]
    public void Ranks_that_gather_get_the_whole_batch_gradient(bool ownRowsOnly)
    {
        using var scope = NewDisposeScope();
        var random = new Generator(5);
        var inputs = randn([Ranks * Rows, 4], float64, generator: random);
        var weights = randn([4, 3], float64, generator: random);
        var expected = weights.clone().requires_grad_();
        var embedded = inputs.mm(expected);
        AnchorLoss(embedded, embedded).backward();

        var grads = ThreadRanks.Run(Ranks, world =>
        {
            var shared = weights.clone().requires_grad_();
            var mine = inputs.narrow(0, world.Rank * Rows, Rows).mm(shared);
            var all = CrossRank.Gather(mine);
            (ownRowsOnly ? AnchorLoss(mine, all) : AnchorLoss(all, all)).backward();
            var grad = shared.grad!.clone();
            world.AllReduce(grad);
            return grad.div_(world.Size); // the gradient averaging of data-parallel training
        });

        foreach (var grad in grads)
            Assert.True(grad.allclose(expected.grad!, rtol: 1e-12, atol: 1e-12), $"{grad.str()} vs {expected.grad!.str()}");
    }

    [Fact]
    public void Without_gradient_the_gather_is_a_plain_concatenation()
    {
        var gathered = ThreadRanks.Run(Ranks, world => CrossRank.Gather(full([Rows, 2], (double)world.Rank, float64)));

        foreach (var rows in gathered)
            Assert.Equal(new double[] { 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1 }, rows.data<double>().ToArray());
    }
}
