using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace SelfishGen.Modules;

/// <summary>
/// Drop-connect on a residual branch: in training, each sample's branch is zeroed with probability
/// <see cref="Rate"/> and the kept ones are scaled by 1 / (1 − rate); in evaluation it passes its input through.
/// The draws come from torch's global generator, which training seeds at every step.
/// </summary>
public sealed class StochasticDepth : Module<Tensor, Tensor>
{
    private readonly Scalar _keep;

    /// <summary>Creates the layer with drop probability <paramref name="rate"/> in [0, 1).</summary>
    public StochasticDepth(double rate) : base(nameof(StochasticDepth))
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rate);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rate, 1.0);
        Rate = rate;
        _keep = (1 - rate).ToScalar();
    }

    /// <summary>The probability that a sample's branch is dropped in training.</summary>
    public double Rate { get; private set; }

    /// <summary>
    /// Makes every stochastic-depth layer of <paramref name="network"/> pass its input through, in training too: for
    /// target and teacher networks, which the papers run without it.
    /// </summary>
    public static void TurnOffIn(nn.Module network)
    {
        foreach (var layer in network.modules().OfType<StochasticDepth>())
            layer.Rate = 0;
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor branch)
    {
        if (!training || Rate == 0)
            return branch.alias();
        using var mask = rand([branch.shape[0], 1, 1, 1], branch.dtype, branch.device).PlusInPlace(_keep).floor_();
        return branch.div(_keep).mul_(mask);
    }
}
