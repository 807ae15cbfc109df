using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;

namespace SelfishGen.Augmentations;

/// <summary>Per-sample random parameters drawn on the (CPU) generator, as float64 CPU tensors.</summary>
internal static class Draw
{
    /// <summary>Values uniform in [low, high), of the given shape.</summary>
    public static Tensor Uniform(long[] shape, double low, double high, Generator random)
    {
        using var span = (high - low).ToScalar();
        using var start = low.ToScalar();
        return rand(shape, float64, generator: random).mul_(span).PlusInPlace(start);
    }

    /// <summary>One value per sample, uniform in [low, high).</summary>
    public static Tensor Uniform(long count, double low, double high, Generator random) =>
        Uniform([count], low, high, random);

    /// <summary>One boolean per sample, true with probability <paramref name="probability"/>.</summary>
    public static Tensor Coin(long count, double probability, Generator random)
    {
        using var chance = probability.ToScalar();
        return rand([count], float64, generator: random).lt(chance);
    }

    /// <summary>One integer per sample, uniform in [0, <paramref name="high"/>).</summary>
    public static Tensor Integer(long count, long high, Generator random) =>
        randint(high, [count], int64, generator: random);

    /// <summary>Per-sample values shaped N×1×1×1 in the images' dtype and device, ready to broadcast.</summary>
    public static Tensor PerSample(Tensor values, Tensor images) =>
        values.to(images.dtype, images.device).view(-1, 1, 1, 1);
}
