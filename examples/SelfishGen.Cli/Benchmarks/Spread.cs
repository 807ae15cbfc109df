namespace SelfishGen.Cli.Benchmarks;

/// <summary>The mean of a few measurements and their sample standard deviation (n − 1).</summary>
/// <param name="Mean">The mean.</param>
/// <param name="StandardDeviation">The sample standard deviation; 0 for a single value.</param>
public readonly record struct Spread(double Mean, double StandardDeviation)
{
    /// <summary>The spread of <paramref name="values"/> (at least one).</summary>
    public static Spread Of(IEnumerable<double> values)
    {
        var all = values.ToArray();
        if (all.Length == 0)
            throw new ArgumentException("A spread needs at least one value.", nameof(values));
        var mean = all.Average();
        var squares = all.Sum(v => (v - mean) * (v - mean));
        return new(mean, all.Length > 1 ? Math.Sqrt(squares / (all.Length - 1)) : 0);
    }

    /// <summary>The spread of <paramref name="values"/>, or null when any of them is missing.</summary>
    public static Spread? OfAll(IEnumerable<double?> values)
    {
        var all = values.ToArray();
        return all.All(v => v is not null) ? Of(all.Select(v => v!.Value)) : null;
    }
}
