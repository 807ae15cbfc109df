using SelfishGen.Data;
using SelfishGen.Modules;

namespace SelfishGen.Tests.Modules;

public sealed class ResNet18Tests
{
    [Fact]
    public void Gradients_through_the_in_place_residual_sums_match_a_finite_difference_in_training_mode()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        var net = new ResNet18(new ImageShape(3, 16, 16));
        net.to(float64).train();
        var readout = randn(2, 512, float64);
        var images = randn(2, 3, 16, 16, float64).requires_grad_(true);
        var parameters = net.parameters().ToList();
        Tensor Loss() => (net.call(images) * readout).sum();

        Loss().backward();

        // The derivative along one random direction of the images and every parameter at once, against autograd's.
        manual_seed(4);
        var directions = parameters.Select(p => randn_like(p)).Prepend(randn_like(images)).ToList();
        var leaves = parameters.Prepend<Tensor>(images).ToList();
        var analytic = leaves.Zip(directions, (leaf, direction) => (leaf.grad! * direction).sum().ToDouble()).Sum();
        const double step = 1e-7;
        using var _ = no_grad();
        double Shifted(double by)
        {
            foreach (var (leaf, direction) in leaves.Zip(directions))
                leaf.add_(direction * by);
            var loss = Loss().ToDouble();
            foreach (var (leaf, direction) in leaves.Zip(directions))
                leaf.sub_(direction * by);
            return loss;
        }
        var numeric = (Shifted(step) - Shifted(-step)) / (2 * step);
        // A difference of the order of the step: the shifted weights move some ReLU inputs across 0 (measured 3.6e-5).
        Assert.True(Math.Abs(numeric - analytic) <= 2e-4 * Math.Abs(analytic), $"autograd {analytic}, finite difference {numeric}");
    }
}
