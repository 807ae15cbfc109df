using static TorchSharp.torch;

namespace SelfishGen;

/// <summary>Checks tensors for NaN and infinite values with one synchronisation.</summary>
internal static class FiniteValues
{
    /// <summary>Whether every value of every floating-point tensor in <paramref name="tensors"/> (nulls skipped) is finite.</summary>
    public static bool AllFinite(IEnumerable<Tensor?> tensors)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var checks = tensors.OfType<Tensor>().Where(t => t.is_floating_point()).Select(t => t.isfinite().all()).ToList();
        return checks.Count == 0 || stack(checks).all().item<bool>();
    }
}
