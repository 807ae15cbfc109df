using System.Diagnostics;

namespace SelfishGen.Package.Tests;

/// <summary>A child process (dotnet, or an installed tool) run to completion with its output captured.</summary>
internal static class ProcessRun
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Runs <paramref name="program"/> in <paramref name="folder"/>; returns its exit code and its output and errors.
    /// MSBuild's and the test host's variables are not passed on, and build servers are off, so that nothing outlives
    /// the command (a lingering node would hold the output pipe open) and the child builds like a user's shell would,
    /// except that copies from the NuGet cache are hard links where possible (TorchSharp's native libraries are about
    /// 1 GB per consumer; the test suite must fit a CI machine's disk).
    /// </summary>
    public static (int Code, string Output) Run(string folder, string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var name in start.Environment.Keys.Where(name =>
                     name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["UseSharedCompilation"] = "false";
        start.Environment["CreateHardLinksForCopyLocalIfPossible"] = "true";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{program} {string.Join(' ', arguments)}' did not finish within {Timeout.TotalMinutes} minutes.");
        }
        return (process.ExitCode, output.Result + errors.Result);
    }
}
