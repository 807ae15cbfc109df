using SelfishGen.Generators.Emit;

namespace SelfishGen.Generators.Hyperparameters;

/// <summary>An interval of valid values; a missing bound is unbounded.</summary>
/// <param name="Minimum">Lower bound, or null.</param>
/// <param name="MinimumInclusive">Whether <paramref name="Minimum"/> itself is valid.</param>
/// <param name="Maximum">Upper bound, or null.</param>
/// <param name="MaximumInclusive">Whether <paramref name="Maximum"/> itself is valid.</param>
internal sealed record ValueRange(double? Minimum, bool MinimumInclusive, double? Maximum, bool MaximumInclusive)
{
    /// <summary>Values ≥ <paramref name="minimum"/>.</summary>
    public static ValueRange AtLeast(double minimum) => new(minimum, true, null, false);

    /// <summary>Values &gt; <paramref name="minimum"/>.</summary>
    public static ValueRange Above(double minimum) => new(minimum, false, null, false);

    /// <summary>Values in [<paramref name="minimum"/>, <paramref name="maximum"/>).</summary>
    public static ValueRange HalfOpen(double minimum, double maximum) => new(minimum, true, maximum, false);

    /// <summary>Whether <paramref name="value"/> lies in the range (NaN never does).</summary>
    public bool Contains(double value) =>
        (Minimum is not { } min || (MinimumInclusive ? value >= min : value > min))
        && (Maximum is not { } max || (MaximumInclusive ? value <= max : value < max));

    /// <summary>The range in words, e.g. <c>in [0, 1)</c> or <c>at least 1</c>.</summary>
    public string Requirement => (Minimum, Maximum) switch
    {
        ({ } min, { } max) => $"in {(MinimumInclusive ? "[" : "(")}{Text(min)}, {Text(max)}{(MaximumInclusive ? "]" : ")")}",
        ({ } min, null) => $"{(MinimumInclusive ? "at least" : "greater than")} {Text(min)}",
        (null, { } max) => $"{(MaximumInclusive ? "at most" : "less than")} {Text(max)}",
        _ => "any value",
    };

    /// <summary>A C# condition that holds when <paramref name="expression"/> lies in the range, e.g. <c>x &gt;= 0.0 &amp;&amp; x &lt; 1.0</c>.</summary>
    public string Condition(string expression, HyperparameterType type)
    {
        var lower = Minimum is { } min ? $"{expression} {(MinimumInclusive ? ">=" : ">")} {Literal(min, type)}" : null;
        var upper = Maximum is { } max ? $"{expression} {(MaximumInclusive ? "<=" : "<")} {Literal(max, type)}" : null;
        return (lower, upper) switch
        {
            ({ }, { }) => $"{lower} && {upper}",
            _ => lower ?? upper ?? "true",
        };
    }

    private static string Text(double bound) => CSharpLiterals.Number(bound);

    private static string Literal(double bound, HyperparameterType type) =>
        type.IsInteger() ? CSharpLiterals.Number(bound) : CSharpLiterals.Double(bound);
}
