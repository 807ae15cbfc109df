using System.Globalization;

namespace SelfishGen.Cli.Benchmarks;

/// <summary>The machine's load average, to report next to timings taken on a shared machine.</summary>
public static class MachineLoad
{
    /// <summary>The 1, 5 and 15-minute load averages from <c>/proc/loadavg</c>, or "unknown" where there is none.</summary>
    public static string Now()
    {
        const string path = "/proc/loadavg";
        if (!File.Exists(path))
            return "unknown";
        var fields = File.ReadAllText(path).Split(' ');
        return string.Join(" ", fields.Take(3).Select(f => double.Parse(f, CultureInfo.InvariantCulture).ToString("F2", CultureInfo.InvariantCulture)));
    }
}
