using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace SelfishGen.Generators.Emit;

/// <summary>C# source text of values, culture-invariant and round-trippable.</summary>
internal static class CSharpLiterals
{
    /// <summary>The shortest round-trip text of <paramref name="value"/>: <c>1</c>, <c>0.1</c>, <c>1E-05</c>.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A <c>double</c> literal: <c>0.0</c>, <c>0.1</c>, <c>1E-05</c>, <c>double.NaN</c>.</summary>
    public static string Double(double value) => value switch
    {
        double.NaN => "double.NaN",
        double.PositiveInfinity => "double.PositiveInfinity",
        double.NegativeInfinity => "double.NegativeInfinity",
        _ when Number(value) is var text && (text.Contains(".") || text.Contains("E")) => Number(value),
        _ => Number(value) + ".0",
    };

    /// <summary>An <c>int</c> literal.</summary>
    public static string Int32(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A collection expression of <c>int</c>s: <c>[1024, 256]</c>.</summary>
    public static string Int32Collection(IEnumerable<int> values) => $"[{string.Join(", ", values.Select(Int32))}]";

    /// <summary>A regular string literal, quoted and escaped.</summary>
    public static string String(string value) =>
        "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\r", "\\r").Replace("\n", "\\n") + "\"";
}
