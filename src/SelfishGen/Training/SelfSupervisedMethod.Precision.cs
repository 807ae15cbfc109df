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

    /// <summary>Back-propagates <paramref name="loss"/> (scaled, in float16) and steps the optimizer unless the gradients overflowed.</summary>
    private void BackwardAndStep(Tensor loss, TorchSharp.Modules.OptimizerHelper optimizer)
    {
        if (_scaler is null)
        {
            loss.backward();
            optimizer.step();
            return;
        }
        _scaler.Backward(loss);
        if (_scaler.Unscale(parameters()))
            optimizer.step();
    }
}
