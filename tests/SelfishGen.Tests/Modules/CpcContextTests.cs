using SelfishGen.Modules;
using SelfishGen.Objectives;

namespace SelfishGen.Tests.Modules;

/// <summary>
/// CPC's context network looks only upwards: a prediction at a grid row depends on that row and the rows above it,
/// never on a row below, which holds the patches it is scored on.
/// </summary>
public sealed class CpcContextTests
{
    [Fact]
    public void A_masked_convolution_is_a_3x3_convolution_without_its_kernels_bottom_row()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        var convolution = new MaskedConv2d(16, 32);
        var weight = Parameter(convolution, "weight");
        var bias = Parameter(convolution, "bias");
        var input = ChannelsLast.Of(randn(2, 16, 6, 6)); // laid out as CPC's grid of patch features arrives

        var output = convolution.call(input);

        Assert.Equal([32L, 16, 2, 3], weight.shape); // the kernel's top two rows: the bottom one is not computed
        var masked = nn.functional.pad(weight.detach().to(float64), [0, 0, 0, 1]);
        var expected = nn.functional.conv2d(input.to(float64), masked, bias.detach().to(float64), padding: [1, 1]);
        Assert.Equal(expected.shape, output.shape);
        var error = ((output.to(float64) - expected).abs().max() / expected.abs().max()).ToDouble();
        Assert.True(error < 1e-5, $"relative error {error}");
    }

    [Fact]
    public void A_masked_convolution_starts_as_torch_starts_the_3x3_convolution_it_stands_for()
    {
        using var scope = NewDisposeScope();
        manual_seed(6);
        var convolution = new MaskedConv2d(16, 32);
        var bound = 1 / Math.Sqrt(9 * 16); // uniform within 1 / √fan-in, fan-in of all 9 taps (2×3 alone would give 1 / √96)

        foreach (var name in new[] { "weight", "bias" })
        {
            var largest = Parameter(convolution, name).abs().max().ToDouble();
            Assert.InRange(largest, (name == "weight" ? 0.99 : 0.8) * bound, bound);
        }
    }

    [Fact]
    public void A_masked_convolution_sees_its_own_row_and_the_row_above_only()
    {
        using var scope = NewDisposeScope();
        manual_seed(4);
        var convolution = new MaskedConv2d(8, 8);
        const int row = 3;

        var reach = RowsReached(input => convolution.call(input), row, channels: 8);

        Assert.Equal([false, false, true, true, false, false, false], reach);
    }

    [Theory]
    [InlineData(CpcDirection.TopToBottom)]
    [InlineData(CpcDirection.RightToLeft)]
    public void A_prediction_never_depends_on_a_row_below_it(CpcDirection direction)
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        var context = new CpcContext(channels: 8, width: 16, steps: 2);
        const int row = 5;

        var reach = RowsReached(grid => context.Predict(grid, direction), row, channels: 8);

        // Four stacked layers reach four rows up; nothing below the prediction's row.
        Assert.Equal([false, true, true, true, true, true, false], reach);
    }

    // Which input rows of a random (2, channels, 7, 7) grid the outputs at `row` have a non-zero gradient for.
    private static bool[] RowsReached(Func<Tensor, Tensor> network, int row, int channels)
    {
        var input = randn(2, channels, 7, 7).requires_grad_();
        var output = network(input);
        output[.., .., row].square().sum().backward();
        var perRow = input.grad!.abs().sum([0, 1, 3]);
        return [.. Enumerable.Range(0, (int)input.shape[2]).Select(r => perRow[r].ToDouble() > 0)];
    }

    private static Tensor Parameter(nn.Module module, string name) =>
        module.named_parameters().Single(p => p.name.EndsWith(name, StringComparison.Ordinal)).parameter;
}
