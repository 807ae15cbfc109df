using TorchSharp.Modules;

namespace SelfishGen.Tests;

/// <summary>TorchSharp's native library loads on this host; autograd and an optimizer step work.</summary>
public class TorchSharpLoadsTests
{
    [Fact]
    public void A_tensor_op_a_backward_pass_and_an_optimizer_step_run()
    {
        using var scope = NewDisposeScope();
        var w = new Parameter(tensor(new float[] { 1f, -2f }));
        var x = tensor(new float[] { 3f, 4f });
        var loss = (w * x).sum().pow(2); // (3 - 8)^2 = 25; d/dw = 2 * (-5) * x = (-30, -40)
        Assert.Equal(25f, loss.item<float>(), 5);

        loss.backward();
        Assert.Equal(new[] { -30f, -40f }, w.grad!.data<float>().ToArray());

        optim.SGD(new[] { w }, 0.01).step();
        Assert.Equal(new[] { 1.3f, -1.6f }, w.data<float>().ToArray().Select(v => MathF.Round(v, 5)));
    }
}
