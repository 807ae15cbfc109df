using System.Diagnostics;
using System.Text;

namespace SelfishGen.Tests.Distributed.Mpi;

/// <summary>
/// Starts programs under Open MPI's <c>mpirun</c> on this machine: ranks on loopback (shared memory, else TCP over
/// <c>lo</c>), not bound to cores, yielding while they wait, allowed as root (CI containers run as root); or under
/// MPICH's <c>mpiexec</c> (Hydra), its defaults on one machine.
/// </summary>
internal static class MpiLauncher
{
    /// <summary>The data-parallel test host next to the tests.</summary>
    public static readonly string Host = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "SelfishGen.DistributedHost.exe" : "SelfishGen.DistributedHost");

    /// <summary>The <c>selfish</c> command next to the tests.</summary>
    public static readonly string Selfish = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "selfish.exe" : "selfish");

    /// <summary>The path of Open MPI's <c>mpirun</c>, or null when Open MPI is not installed.</summary>
    /// <remarks><c>mpirun.openmpi</c> first: with MPICH installed too, plain <c>mpirun</c> may be MPICH's.</remarks>
    public static string? MpiRun { get; } = Find("mpirun.openmpi", "mpirun");

    /// <summary>The path of MPICH's <c>mpiexec</c>, or null when MPICH is not installed.</summary>
    public static string? MpichExec { get; } = Find("mpiexec.mpich", "mpiexec.hydra");

    /// <summary>Why the MPI tests cannot run here, or null when they can.</summary>
    public static string? Unavailable => MpiRun is null
        ? "Open MPI is not installed (Debian: apt-get install openmpi-bin libopenmpi3; .ci/run installs it), so the data-parallel tests with 2 ranks did not run."
        : null;

    /// <summary>Why the MPICH tests cannot run here, or null when they can.</summary>
    public static string? MpichUnavailable => MpichExec is null
        ? "MPICH is not installed (Debian: apt-get install mpich; .ci/run installs it), so the tests of the MPICH binding did not run."
        : null;

    /// <summary>Runs <paramref name="program"/> with <paramref name="arguments"/> on <paramref name="ranks"/> ranks; the exit code and all output.</summary>
    public static (int ExitCode, string Output) Run(int ranks, string program, IEnumerable<string> arguments, TimeSpan timeout)
    {
        string[] launch =
        [
            "--oversubscribe", "--bind-to", "none", "-np", ranks.ToString(),
            "--mca", "btl", "self,vader,tcp", "--mca", "btl_tcp_if_include", "lo", "--mca", "oob_tcp_if_include", "lo",
            "--mca", "mpi_yield_when_idle", "1",
        ];
        return Start(MpiRun ?? throw new InvalidOperationException(Unavailable), [.. launch, program, .. arguments], timeout);
    }

    /// <summary>Runs <paramref name="program"/> with <paramref name="arguments"/> on <paramref name="ranks"/> ranks of MPICH; the exit code and all output.</summary>
    public static (int ExitCode, string Output) RunMpich(int ranks, string program, IEnumerable<string> arguments, TimeSpan timeout) =>
        Start(MpichExec ?? throw new InvalidOperationException(MpichUnavailable), ["-n", ranks.ToString(), program, .. arguments], timeout);

    /// <summary>Runs <paramref name="program"/> alone (no launcher): the exit code and all output.</summary>
    public static (int ExitCode, string Output) RunAlone(string program, IEnumerable<string> arguments, TimeSpan timeout) =>
        Start(program, arguments, timeout);

    private static (int, string) Start(string file, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["OMPI_ALLOW_RUN_AS_ROOT"] = "1";
        start.Environment["OMPI_ALLOW_RUN_AS_ROOT_CONFIRM"] = "1";
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Append(output, line.Data);
        process.ErrorDataReceived += (_, line) => Append(output, line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{file} {string.Join(' ', start.ArgumentList)}' did not end within {timeout} (a hang?):\n{output}");
        }
        process.WaitForExit();
        return (process.ExitCode, output.ToString());
    }

    private static string? Find(params string[] names) => Environment.GetEnvironmentVariable("PATH")?.Split(Path.PathSeparator)
        .SelectMany(folder => names.Select(name => Path.Combine(folder, name))).FirstOrDefault(File.Exists);

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
            return;
        lock (output)
            output.AppendLine(line);
    }
}
