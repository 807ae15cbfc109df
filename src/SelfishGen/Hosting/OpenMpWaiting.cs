using System.Runtime.InteropServices;

namespace SelfishGen.Hosting;

/// <summary>
/// How long libtorch's idle OpenMP threads spin, waiting for the next parallel operation, before they sleep. GNU
/// OpenMP's default (about 3 ms) suits a machine with nothing else to run; with other work on it, a thread spinning at
/// a barrier holds a core while the thread it waits for is descheduled, and steps take about twice as long (measured on
/// 2 cores beside two niced training runs; the same within noise on the quiet machine: docs/benchmarks.md, "OpenMP
/// waiting on a busy machine").
/// </summary>
public static partial class OpenMpWaiting
{
    /// <summary>GNU OpenMP's spin count set by <see cref="SpinBriefly"/> (about 0.1 ms; its default is 300,000).</summary>
    public const long BriefSpinCount = 10_000;

    private const string SpinCountVariable = "GOMP_SPINCOUNT";
    private static readonly string[] Variables = ["OMP_WAIT_POLICY", SpinCountVariable];

    /// <summary>
    /// The OpenMP waiting settings in this process's environment (<c>OMP_WAIT_POLICY</c>, <c>GOMP_SPINCOUNT</c>), as
    /// <c>NAME=value</c> pairs, or null when none is set (the runtime's default).
    /// </summary>
    public static string? Current => SettingsIn(Environment.GetEnvironmentVariable);

    /// <summary>
    /// Makes libtorch's OpenMP threads spin only briefly (<see cref="BriefSpinCount"/>) before they sleep, in this
    /// process and in the processes it starts. Call once at start-up, before the first tensor: the runtime reads its
    /// settings when libtorch loads. Returns false, changing nothing, where it does not apply: not Linux, the user set
    /// OpenMP's waiting (<see cref="Current"/>), or libtorch is already loaded.
    /// </summary>
    public static bool SpinBriefly()
    {
        if (!OperatingSystem.IsLinux() || Current is not null || OpenMpRuntime.LoadedPath() is not null)
            return false;
        var count = BriefSpinCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (setenv(SpinCountVariable, count, overwrite: 0) != 0) // what this process's runtime will read
            return false;
        Environment.SetEnvironmentVariable(SpinCountVariable, count); // what child processes inherit
        return true;
    }

    /// <summary>The settings <paramref name="environment"/> holds, as in <see cref="Current"/>.</summary>
    internal static string? SettingsIn(Func<string, string?> environment)
    {
        var set = Variables.Select(name => (name, value: environment(name))).Where(v => !string.IsNullOrEmpty(v.value)).ToList();
        return set.Count == 0 ? null : string.Join(' ', set.Select(v => $"{v.name}={v.value}"));
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int setenv(string name, string value, int overwrite);
}
