using SelfishGen.Modules;
using SelfishGen.Objectives;

namespace SelfishGen.Tests.Objectives;

public sealed class CpcLossTests
{
    /// <summary>A 3×3 grid (1, 1, 3, 3) holding 10·row + column.</summary>
    private static Tensor Labelled() => tensor(new float[] { 0, 1, 2, 10, 11, 12, 20, 21, 22 }, [1, 1, 3, 3]);

    [Theory]
    [InlineData(CpcDirection.TopToBottom, new float[] { 0, 1, 2, 10, 11, 12, 20, 21, 22 })]
    [InlineData(CpcDirection.BottomToTop, new float[] { 20, 21, 22, 10, 11, 12, 0, 1, 2 })]
    [InlineData(CpcDirection.LeftToRight, new float[] { 0, 10, 20, 1, 11, 21, 2, 12, 22 })]
    [InlineData(CpcDirection.RightToLeft, new float[] { 2, 12, 22, 1, 11, 21, 0, 10, 20 })]
    public void Orienting_makes_the_direction_run_down_the_rows(CpcDirection direction, float[] expected) =>
        Assert.Equal(expected, CpcLoss.Orient(Labelled(), direction).flatten().data<float>().ToArray());

    [Fact]
    public void One_step_matches_a_hand_computed_contrast_over_positions()
    {
        using var scope = NewDisposeScope();
        var loss = new CpcLoss(channels: 1, steps: 1, targetHead: nn.Identity());
        var features = tensor(new float[] { 9, 9, 5, 5, 1, -1 }, [1, 1, 3, 2]);
        var predictions = tensor(new float[] { 1, 2, 7, 7, 7, 7 }, [1, 1, 3, 2]);

        var value = loss.DirectionLoss(predictions, features).ToDouble();

        // Predictions 1 and 2 (row 0) against targets 1 and −1 (row 2: row 1's patches overlap row 0's, so it is
        // skipped): logits [[1, −1], [2, −2]], positives on the diagonal.
        var expected = (Math.Log(1 + Math.Exp(-2)) + 4 + Math.Log(1 + Math.Exp(-4))) / 2;
        Assert.Equal(expected, value, 5);
    }

    [Fact]
    public void The_context_sees_four_distinct_orientations_and_the_target_head_learns()
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        var loss = new CpcLoss(channels: 2, steps: 2);
        var features = randn(3, 2, 4, 4);
        var seen = new List<Tensor>();
        var predictor = new ChannelAlignedConv2d(2, 4, 1);

        var value = loss.Loss(features, (grid, _) =>
        {
            seen.Add(grid);
            return predictor.call(grid);
        });
        value.backward();

        Assert.Equal(4, seen.Count);
        for (var i = 0; i < 4; i++)
            for (var j = i + 1; j < 4; j++)
                Assert.False(seen[i].equal(seen[j]).all().ToBoolean(), $"{CpcLoss.AllDirections[i]} = {CpcLoss.AllDirections[j]}");
        Assert.Equal(2, loss.parameters().Count());
        Assert.All(loss.parameters(), p => Assert.True(p.grad!.abs().sum().ToDouble() > 0));
    }

    [Fact]
    public void The_context_is_given_only_the_rows_it_is_scored_on_which_for_a_causal_one_is_the_whole_grids_loss()
    {
        using var scope = NewDisposeScope();
        manual_seed(7);
        var loss = new CpcLoss(channels: 8, steps: 3);
        var context = new CpcContext(channels: 8, width: 16, steps: 3);
        var features = randn(2, 8, 7, 7);
        var rowsSeen = new List<long>();

        var cropped = loss.Loss(features, (grid, direction) =>
        {
            rowsSeen.Add(grid.shape[2]);
            return context.Predict(grid, direction);
        }).ToDouble();
        var whole = CpcLoss.AllDirections.Sum(direction =>
        {
            var oriented = CpcLoss.Orient(features, direction);
            return loss.DirectionLoss(context.Predict(oriented, direction), oriented).ToDouble();
        });

        Assert.Equal([5L, 5, 5, 5], rowsSeen);
        Assert.Equal(whole, cropped, 4);
    }

    [Fact]
    public void A_grid_too_short_for_the_steps_is_rejected() =>
        Assert.Throws<ArgumentException>(() => new CpcLoss(1, steps: 2).DirectionLoss(zeros(1, 2, 3, 3), zeros(1, 1, 3, 3)));
}
