using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SelfishGen;

/// <summary>
/// Clips each parameter's gradient to a largest norm on its own, as DINO does (not one norm over all parameters): a
/// gradient g with ‖g‖ &gt; c becomes g · c / (‖g‖ + 10⁻⁶).
/// </summary>
public static class GradientClipping
{
    /// <summary>Clips the gradient of each of <paramref name="parameters"/> to norm <paramref name="maxNorm"/>, in place.</summary>
    public static void Apply(IEnumerable<Parameter> parameters, double maxNorm)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxNorm);
        using var _ = no_grad();
        foreach (var gradient in parameters.Select(p => p.grad).OfType<Tensor>())
        {
            var norm = gradient.norm().item<float>();
            if (norm > maxNorm)
            {
                using var factor = (maxNorm / (norm + 1e-6)).ToScalar();
                gradient.mul_(factor);
            }
        }
    }
}
