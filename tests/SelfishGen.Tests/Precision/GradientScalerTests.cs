namespace SelfishGen.Tests.Precision;

/// <summary>Float16 loss scaling: gradients come back unscaled, an overflowing step is skipped and the scale halved.</summary>
public sealed class GradientScalerTests
{
    [Fact]
    public void Gradients_of_the_scaled_loss_come_back_unscaled()
    {
        using var scope = NewDisposeScope();
        var weight = tensor(new[] { 1f, -2f, 3f }).requires_grad_();
        var scaler = new GradientScaler(1024);

        scaler.Backward((weight * weight).sum());
        var step = scaler.Unscale([weight]);

        Assert.True(step);
        Assert.Equal(new[] { 2f, -4f, 6f }, weight.grad!.data<float>().ToArray());
        Assert.Equal(1024, scaler.Scale);
    }

    [Fact]
    public void An_overflowing_step_is_skipped_its_gradients_zeroed_and_the_scale_halved()
    {
        using var scope = NewDisposeScope();
        var weight = tensor(new[] { 1f, 2f }).requires_grad_();
        var scaler = new GradientScaler(1024);

        scaler.Backward((weight * float.PositiveInfinity).sum());
        var step = scaler.Unscale([weight]);

        Assert.False(step);
        Assert.Equal(new[] { 0f, 0f }, weight.grad!.data<float>().ToArray());
        Assert.Equal(512, scaler.Scale);
    }

    [Fact]
    public void The_scale_doubles_after_a_run_of_good_steps()
    {
        using var scope = NewDisposeScope();
        var weight = tensor(new[] { 1f }).requires_grad_();
        var scaler = new GradientScaler(8);

        for (var step = 0; step < GradientScaler.GrowthInterval; step++)
        {
            weight.grad?.zero_();
            scaler.Backward(weight.sum());
            Assert.True(scaler.Unscale([weight]));
        }

        Assert.Equal(16, scaler.Scale);
    }
}
