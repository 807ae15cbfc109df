using SelfishGen.Objectives;

namespace SelfishGen.Tests.Objectives;

/// <summary>
/// Barlow Twins and VICReg square a matrix of the projector's width on each side; the squares are not needed for the
/// backward pass and must not stay in the step's dispose scope until it ends (64 MB at width 2048).
/// </summary>
public sealed class RedundancyLossMemoryTests
{
    private const int Width = 64;

    public static TheoryData<string> Losses => ["BarlowTwins", "VICReg"];

    [Theory]
    [MemberData(nameof(Losses))]
    public void The_loss_leaves_no_squared_matrix_in_the_callers_dispose_scope(string name)
    {
        manual_seed(2);
        using var first = randn(16, Width).requires_grad_(true);
        using var second = randn(16, Width).requires_grad_(true);
        using var scope = NewDisposeScope();

        var loss = name == "VICReg" ? new VicRegLoss().Loss(first, second) : new BarlowTwinsLoss().Loss(first, second);

        var matrices = scope.DisposablesView.OfType<Tensor>().Where(t => !t.IsInvalid && t.numel() >= Width * Width).ToList();
        Assert.True(matrices.Count == 0, $"{matrices.Count} tensors of {Width}x{Width} or more held: {string.Join(", ", matrices.Select(t => string.Join("x", t.shape)))}");
        loss.backward();
        Assert.True(first.grad!.abs().sum().ToSingle() > 0);
    }

    [Fact]
    public void Off_diagonal_squares_sum_every_entry_but_the_diagonal()
    {
        using var scope = NewDisposeScope();
        var matrix = tensor(new float[] { 1, 2, 3, 4 }).view(2, 2);

        Assert.Equal(4 + 9, LossTerms.OffDiagonalSquares(matrix).ToSingle());
    }
}
