using SelfishGen.Modules;
using TorchSharp.Modules;

namespace SelfishGen.Tests.Modules;

public class MlpHeadTests
{
    [Fact]
    public void The_output_has_the_requested_width()
    {
        using var scope = NewDisposeScope();
        using var head = new MlpHead(16, [32, 24], 8);

        Assert.Equal(new long[] { 5, 8 }, head.call(randn(5, 16)).shape);
    }

    [Fact]
    public void The_last_layer_is_a_plain_linear_layer_so_outputs_can_be_negative()
    {
        using var scope = NewDisposeScope();
        using var head = new MlpHead(16, [32], 8);

        var output = head.call(randn(64, 16));

        Assert.IsType<Linear>(head.modules().Last());
        Assert.True(output.lt(0).any().item<bool>());
    }

    [Fact]
    public void Gradients_match_finite_differences()
    {
        using var scope = NewDisposeScope();
        using var head = new MlpHead(4, [6], 3);
        head.to(float64);
        var input = randn(5, 4, float64);
        var projection = randn(5, 3, float64); // makes the loss depend on every output
        double Loss() => head.call(input).mul(projection).sum().item<double>();

        head.zero_grad();
        head.call(input).mul(projection).sum().backward();

        foreach (var parameter in head.parameters())
        {
            if (parameter.dim() != 2)
                continue;
            using var flat = parameter.view(-1);
            foreach (var at in new long[] { 0, flat.shape[0] - 1 })
            {
                var analytic = parameter.grad!.view(-1)[at].item<double>();
                Assert.Equal(analytic, Numeric(flat, at, Loss), 1e-6);
                Assert.NotEqual(0.0, analytic); // the check must see a real gradient, not 0 = 0
            }
        }
    }

    private static double Numeric(Tensor flat, long at, Func<double> loss)
    {
        const double step = 1e-6;
        using var noGrad = no_grad();
        var original = flat[at].item<double>();
        flat[at] = original + step;
        var up = loss();
        flat[at] = original - step;
        var down = loss();
        flat[at] = original;
        return (up - down) / (2 * step);
    }
}
