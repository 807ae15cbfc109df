using SelfishGen.Data;
using static TorchSharp.torch;

namespace SelfishGen;

public abstract partial class SelfSupervisedMethod
{
    private ScalarType? _lowPrecision;
    private GradientScaler? _scaler;

    // Checks the precision of a run against the device (throws when it cannot run it) and prepares the loss scaler
    // float16 needs.
    private void PreparePrecision(Precision precision)
    {
        _lowPrecision = MixedPrecision.LowPrecisionType(precision, Device);
        _scaler = precision == Precision.Float16 ? new GradientScaler() : null;
    }

    /// <summary>The loss of one step, its forward pass in the mixed precision of <see cref="Precision"/>.</summary>
    private Tensor ForwardInPrecision(Batch batch, TrainingContext context)
    {
        using var autocast = Modules.Autocast.Enter(_lowPrecision);
        return Forward(batch, context);
    }

    /// <summary>
    /// Back-propagates <paramref name="loss"/>, scaled in float16 (<see cref="GradientScaler"/>); returns whether the
    /// optimizer may step: false when float16 gradients overflowed (the scale is halved and the step skipped).
    /// </summary>
    private bool BackwardInPrecision(Tensor loss)
    {
        if (_scaler is null)
        {
            loss.backward();
            return true;
        }
        _scaler.Backward(loss);
        return _scaler.Unscale(parameters());
    }
}
