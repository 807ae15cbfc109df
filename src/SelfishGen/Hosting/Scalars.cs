using static TorchSharp.torch;

namespace SelfishGen.Hosting;

/// <summary>
/// TorchSharp scalars that live as long as the process, and tensor arithmetic that makes no scalar of its own.
/// </summary>
/// <remarks>
/// TorchSharp 0.107 frees a <see cref="Scalar"/> in its finalizer, and nothing keeps one alive while the native call
/// that reads it runs (dotnet/TorchSharp PRs #1434 and #1496, open): a number converted to a Scalar on the way into a
/// call (<c>x * 0.5</c>, <c>x.clamp(0, 1)</c>, and <c>a + b</c>, whose implicit <c>alpha: 1</c> TorchSharp converts
/// itself) can be freed by a collection during that call. The library passes only scalars that something holds: the
/// constants here and in static fields, and <c>using var s = value.ToScalar();</c> for values known at run time.
/// <c>ScalarLifetimeTests</c> scans the library's sources for any other.
/// </remarks>
internal static class Scalars
{
    /// <summary>0 (an integer: keeps integer tensors integer).</summary>
    public static readonly Scalar Zero = 0.ToScalar();

    /// <summary>1.</summary>
    public static readonly Scalar One = 1.ToScalar();

    /// <summary>2.</summary>
    public static readonly Scalar Two = 2.ToScalar();

    /// <summary>−1.</summary>
    public static readonly Scalar MinusOne = (-1).ToScalar();

    /// <summary>−½.</summary>
    public static readonly Scalar MinusOneHalf = (-0.5).ToScalar();

    /// <summary>−∞ (masks a logit out of a softmax).</summary>
    public static readonly Scalar MinusInfinity = double.NegativeInfinity.ToScalar();

    /// <summary>255, the top level of an 8-bit image.</summary>
    public static readonly Scalar MaxByte = 255.ToScalar();

    /// <summary>0.5.</summary>
    public static readonly Scalar OneHalf = 0.5.ToScalar();

    /// <summary><paramref name="a"/> + <paramref name="b"/>.</summary>
    public static Tensor Plus(this Tensor a, Tensor b) => a.add(b, One);

    /// <summary><paramref name="a"/> + <paramref name="b"/>.</summary>
    public static Tensor Plus(this Tensor a, Scalar b) => a.add(b, One);

    /// <summary><paramref name="a"/> += <paramref name="b"/>, in place.</summary>
    public static Tensor PlusInPlace(this Tensor a, Tensor b) => a.add_(b, One);

    /// <summary><paramref name="a"/> += <paramref name="b"/>, in place.</summary>
    public static Tensor PlusInPlace(this Tensor a, Scalar b) => a.add_(b, One);

    /// <summary><paramref name="minuend"/> − <paramref name="x"/>.</summary>
    public static Tensor SubtractedFrom(this Tensor x, Scalar minuend) => x.neg().add_(minuend, One);

    /// <summary>0, 1, …, <paramref name="count"/> − 1.</summary>
    public static Tensor Range(long count, ScalarType dtype, Device? device = null) => Range(0, count, dtype, device);

    /// <summary><paramref name="start"/>, …, <paramref name="stop"/> − 1.</summary>
    public static Tensor Range(long start, long stop, ScalarType dtype, Device? device = null)
    {
        using var first = start.ToScalar();
        using var end = stop.ToScalar();
        return arange(first, end, One, dtype, device);
    }
}
