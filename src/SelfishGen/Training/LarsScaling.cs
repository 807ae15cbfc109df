using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SelfishGen;

/// <summary>
/// Layer-wise adaptive rate scaling (You et al., 2017), as SimCLR, BYOL and Barlow Twins train: before an SGD step,
/// each weight's gradient g becomes η·‖w‖ / ‖g + λw‖ · (g + λw), so every layer moves by about η of its norm whatever
/// its gradient's scale. Biases and normalisation parameters (one dimension) keep their plain gradient and no decay,
/// as in those papers. Clipped (<see cref="OptimizerSettings.LarsClip"/>), the factor is η·‖w‖ / (lr·‖g + λw‖) capped
/// at 1: a weight moves by η·‖w‖ at most, and never further than plain SGD would move it (solo-learn's CIFAR recipes).
/// </summary>
public static class LarsScaling
{
    /// <summary>
    /// Rescales the gradients of <paramref name="parameters"/> in place, with weight decay and trust coefficient of
    /// <paramref name="settings"/>; <paramref name="learningRate"/> is the step's rate, which a clipped factor is relative to.
    /// </summary>
    public static void Apply(IEnumerable<Parameter> parameters, OptimizerSettings settings, double learningRate)
    {
        using var _ = no_grad();
        using var decay = settings.WeightDecay.ToScalar();
        foreach (var weight in parameters.Where(p => p.grad is not null && Optimizers.Decays(p)))
        {
            var gradient = weight.grad!;
            gradient.add_(weight, decay);
            var weightNorm = weight.norm().item<float>();
            var gradientNorm = gradient.norm().item<float>();
            if (weightNorm > 0 && gradientNorm > 0)
            {
                var ratio = settings.LarsTrust * weightNorm / gradientNorm;
                using var trust = (settings.LarsClip ? Math.Min(ratio / learningRate, 1) : ratio).ToScalar();
                gradient.mul_(trust);
            }
        }
    }
}
