using SelfishGen.Distributed;
using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;

namespace SelfishGen.Augmentations;

/// <summary>
/// Per-sample random parameters drawn on the (CPU) generator, as CPU tensors whose first dimension is the sample.
/// In a data-parallel step each draw is made for the whole batch and this rank keeps its own rows
/// (<see cref="SampleRows"/>), so a sample's parameters do not depend on the number of ranks.
/// </summary>
internal static class Draw
{
    /// <summary>Values uniform in [low, high), of the given shape (first dimension: samples), float64.</summary>
    public static Tensor Uniform(long[] shape, double low, double high, Generator random)
    {
        using var span = (high - low).ToScalar();
        using var start = low.ToScalar();
        return ForRows(shape, all => rand(all, float64, generator: random)).mul_(span).PlusInPlace(start);
    }

    /// <summary>One value per sample, uniform in [low, high).</summary>
    public static Tensor Uniform(long count, double low, double high, Generator random) =>
        Uniform([count], low, high, random);

    /// <summary>Standard normal values of the given shape (first dimension: samples) and type.</summary>
    public static Tensor Normal(long[] shape, ScalarType type, Generator random) =>
        ForRows(shape, all => randn(all, type, generator: random));

    /// <summary>One boolean per sample, true with probability <paramref name="probability"/>.</summary>
    public static Tensor Coin(long count, double probability, Generator random)
    {
        using var chance = probability.ToScalar();
        return ForRows([count], all => rand(all, float64, generator: random)).lt(chance);
    }

    /// <summary>Integers uniform in [0, <paramref name="high"/>), of the given shape (first dimension: samples).</summary>
    public static Tensor Integer(long[] shape, long high, Generator random) =>
        ForRows(shape, all => randint(high, all, int64, generator: random));

    /// <summary>One integer per sample, uniform in [0, <paramref name="high"/>).</summary>
    public static Tensor Integer(long count, long high, Generator random) => Integer([count], high, random);

    /// <summary>As <see cref="Coin"/>, for every row drawn for (all ranks' samples): the mask <see cref="Selection.ApplyWhere"/> takes.</summary>
    public static Tensor CoinOfAllRows(long count, double probability, Generator random)
    {
        using var chance = probability.ToScalar();
        return rand(AllRows([count]), float64, generator: random).lt(chance);
    }

    /// <summary>As <see cref="Integer(long, long, Generator)"/>, for every row drawn for (all ranks' samples).</summary>
    public static Tensor IntegerOfAllRows(long count, long high, Generator random) =>
        randint(high, AllRows([count]), int64, generator: random);

    /// <summary>Per-sample values shaped N×1×1×1 in the images' dtype and device, ready to broadcast.</summary>
    public static Tensor PerSample(Tensor values, Tensor images) =>
        values.to(images.dtype, images.device).view(-1, 1, 1, 1);

    /// <summary>
    /// What <paramref name="draw"/> gives for <paramref name="shape"/> (first dimension: samples), drawn for every row
    /// drawn for and cut to this rank's.
    /// </summary>
    public static Tensor ForRows(long[] shape, Func<long[], Tensor> draw) =>
        SampleRows.Current is { } rows ? rows.Local(draw(AllRows(shape))) : draw(shape);

    private static long[] AllRows(long[] shape)
    {
        if (SampleRows.Current is not { } rows)
            return shape;
        if (shape[0] != rows.Count)
            throw new InvalidOperationException($"A draw for {shape[0]} samples where this rank holds {rows.Count}: draw per sample of the batch being transformed.");
        return [rows.Total, .. shape[1..]];
    }
}
