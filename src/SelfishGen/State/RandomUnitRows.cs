using static TorchSharp.torch;

namespace SelfishGen.State;

/// <summary>The random start of a feature store: rows drawn from a standard normal and scaled to unit length.</summary>
internal static class RandomUnitRows
{
    /// <summary>(<paramref name="rows"/>, <paramref name="dim"/>) unit vectors, uniform on the sphere, drawn from <paramref name="random"/> (or the global generator).</summary>
    public static Tensor Create(int rows, int dim, Generator? random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dim, 1);
        return nn.functional.normalize(randn([rows, dim], generator: random), dim: 1);
    }
}
