using SelfishGen.Tests.State;
using TorchSharp.Modules;

namespace SelfishGen.Tests.Training;

/// <summary>Weight decay reaches weights only, and LARS rescales each weight's step to its norm.</summary>
public sealed class OptimizerTests
{
    [Theory]
    [InlineData(OptimizerKind.Sgd)]
    [InlineData(OptimizerKind.Adam)]
    [InlineData(OptimizerKind.AdamW)]
    public void Weight_decay_shrinks_weights_but_not_biases_or_norms(OptimizerKind kind)
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        var layer = nn.Linear(3, 2);
        var norm = nn.BatchNorm1d(2);
        var weight = layer.weight!.detach().clone();
        var bias = layer.bias!.detach().clone();
        var optimizer = Optimizers.Create(new OptimizerSettings(kind, WeightDecay: 0.1), [.. layer.parameters(), .. norm.parameters()], lr: 0.5);

        foreach (var parameter in layer.parameters().Concat(norm.parameters()))
            parameter.grad = zeros_like(parameter);
        optimizer.step();

        Assert.True(layer.weight!.abs().sum().ToDouble() < weight.abs().sum().ToDouble(), "the weight should decay");
        TensorAssert.Identical(bias, layer.bias!.detach());
        TensorAssert.Identical(ones(2), norm.weight!.detach());
    }

    [Fact]
    public void Lars_scales_a_weight_gradient_to_the_trust_share_of_its_norm_and_leaves_biases()
    {
        using var scope = NewDisposeScope();
        var weight = new Parameter(tensor(new float[,] { { 3, 4 } }));
        var bias = new Parameter(tensor(new float[] { 1 }));
        weight.grad = tensor(new float[,] { { 0, 100 } });
        bias.grad = tensor(new float[] { 7 });

        LarsScaling.Apply([weight, bias], new OptimizerSettings(OptimizerKind.Lars, WeightDecay: 0, LarsTrust: 0.01), learningRate: 0.1);

        // ‖w‖ = 5: the gradient keeps its direction and gets norm 0.01 · 5.
        Assert.True(allclose(weight.grad, tensor(new float[,] { { 0, 0.05f } })));
        TensorAssert.Identical(tensor(new float[] { 7 }), bias.grad);
    }

    [Theory]
    [InlineData(100f, 0.002, 50f)] // trust ratio 0.02 · 5 / 100 = 0.001, over the rate 0.002: the gradient is halved
    [InlineData(10f, 0.005, 10f)]  // ratio 0.01, over the rate 0.005, is 2: capped at 1, the plain gradient
    public void Clipped_lars_divides_the_trust_ratio_by_the_rate_and_caps_it_at_one(float gradient, double learningRate, float expected)
    {
        using var scope = NewDisposeScope();
        var weight = new Parameter(tensor(new float[,] { { 3, 4 } }));
        weight.grad = tensor(new float[,] { { 0, gradient } });

        LarsScaling.Apply([weight], new OptimizerSettings(OptimizerKind.Lars, WeightDecay: 0, LarsTrust: 0.02, LarsClip: true), learningRate);

        Assert.True(allclose(weight.grad, tensor(new float[,] { { 0, expected } })), weight.grad.ToString(TorchSharp.TensorStringStyle.Numpy));
    }

    [Fact]
    public void Lars_trains_a_linear_regression()
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        var model = nn.Linear(4, 1);
        var inputs = randn(64, 4);
        var targets = inputs.matmul(tensor(new float[] { 1, -2, 3, 0.5f })).unsqueeze(1);
        var settings = new OptimizerSettings(OptimizerKind.Lars, WeightDecay: 0, LarsTrust: 0.02);
        var optimizer = Optimizers.Create(settings, model.parameters(), lr: 1);
        double Loss() => nn.functional.mse_loss(model.call(inputs), targets).ToDouble();
        var before = Loss();

        for (var step = 0; step < 200; step++)
        {
            optimizer.zero_grad();
            nn.functional.mse_loss(model.call(inputs), targets).backward();
            LarsScaling.Apply(model.parameters(), settings, learningRate: 1);
            optimizer.step();
        }

        Assert.True(Loss() < before / 10, $"loss {before} → {Loss()}");
    }
}
