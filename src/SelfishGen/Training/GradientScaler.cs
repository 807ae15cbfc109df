using static TorchSharp.torch;

namespace SelfishGen;

/// <summary>
/// Dynamic loss scaling for float16 training: the loss is multiplied by <see cref="Scale"/> before the backward pass,
/// so that small gradients do not underflow float16, and the gradients divided by it before the optimizer step. A step
/// whose gradients overflowed (infinite or NaN) is skipped and the scale halved; after
/// <see cref="GrowthInterval"/> good steps in a row the scale doubles.
/// </summary>
public sealed class GradientScaler
{
    /// <summary>Good steps after which the scale doubles.</summary>
    public const int GrowthInterval = 2000;

    private int _goodSteps;

    /// <summary>Starts at <paramref name="scale"/> (2¹⁶ by default).</summary>
    public GradientScaler(double scale = 65536)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);
        Scale = scale;
    }

    /// <summary>The factor the loss is multiplied by.</summary>
    public double Scale { get; private set; }

    /// <summary>Back-propagates <paramref name="loss"/> × <see cref="Scale"/>.</summary>
    public void Backward(Tensor loss)
    {
        using var scale = Scale.ToScalar();
        using var scaled = loss.mul(scale);
        scaled.backward();
    }

    /// <summary>
    /// Divides the gradients of <paramref name="parameters"/> by <see cref="Scale"/>; returns whether they are all
    /// finite, so that the optimizer may step. After an overflow the gradients are zeroed and the scale halved.
    /// </summary>
    public bool Unscale(IEnumerable<Tensor> parameters)
    {
        using var scope = NewDisposeScope();
        var gradients = parameters.Select(p => p.grad).OfType<Tensor>().ToList();
        using var inverse = (1 / Scale).ToScalar();
        foreach (var gradient in gradients)
            gradient.mul_(inverse);
        var finite = gradients.Count == 0 || stack(gradients.Select(g => g.isfinite().all()).ToList()).all().item<bool>();
        if (!finite)
        {
            foreach (var gradient in gradients)
                gradient.zero_();
            Scale /= 2;
            _goodSteps = 0;
            return false;
        }
        if (++_goodSteps == GrowthInterval)
        {
            Scale *= 2;
            _goodSteps = 0;
        }
        return true;
    }
}
