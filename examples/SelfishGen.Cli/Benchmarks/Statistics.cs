namespace SelfishGen.Cli.Benchmarks;

/// <summary>Summary statistics of timings.</summary>
public static class Statistics
{
    /// <summary>The median of <paramref name="values"/> (mean of the middle two for an even count); NaN when empty.</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
            return double.NaN;
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
