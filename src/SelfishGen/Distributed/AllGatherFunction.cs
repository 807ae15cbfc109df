using static TorchSharp.torch;
using static TorchSharp.torch.autograd;

namespace SelfishGen.Distributed;

/// <summary>
/// All-gather with the gradient of the whole batch: the backward pass sums the gathered tensor's gradient over all
/// ranks and hands each rank the rows of its own part.
/// </summary>
/// <remarks>
/// Every rank computes its loss from the gathered rows, and the run's loss is the mean of the ranks' losses (the
/// gradients are averaged). The gradient of that mean with respect to rank r's rows is (1/N)·Σ_s ∂L_s/∂x_r, and the
/// averaging of the weight gradients divides by N once more; summing (not averaging) here gives back exactly the
/// gradient of one process that holds the whole batch. A gather that keeps only its own rows' gradient, or averages
/// them, is off by the world size.
/// </remarks>
internal sealed class AllGatherFunction : SingleTensorFunction<AllGatherFunction>
{
    private const string World = "world";
    private const string Rows = "rows";

    /// <inheritdoc />
    public override string Name => "SelfishGen.AllGather";

    /// <summary>Gathers <c>vars[0]</c> (a tensor) over <c>vars[1]</c> (an <see cref="ICommunicator"/>).</summary>
    public override Tensor forward(AutogradContext ctx, params object[] vars)
    {
        var (local, world) = ((Tensor)vars[0], (ICommunicator)vars[1]);
        ctx.save_data(World, world);
        ctx.save_data(Rows, local.shape[0]);
        return world.AllGather(local);
    }

    /// <inheritdoc />
    public override List<Tensor> backward(AutogradContext ctx, Tensor grad_output)
    {
        var (world, rows) = ((ICommunicator)ctx.get_data(World), (long)ctx.get_data(Rows));
        var summed = grad_output.contiguous().clone();
        world.AllReduce(summed);
        return [summed.narrow(0, world.Rank * rows, rows), null!];
    }
}
