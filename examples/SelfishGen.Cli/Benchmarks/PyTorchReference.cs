using System.Diagnostics;
using System.Text.Json;

namespace SelfishGen.Cli.Benchmarks;

/// <summary>Runs the PyTorch reference script in a child Python process.</summary>
public sealed class PyTorchReference(string python)
{
    /// <summary>How to install what the reference needs on Debian.</summary>
    public const string InstallHint = "apt-get install -y python3-torch libopenblas0";

    /// <summary>The methods <c>selfish_step.py</c> implements: what <c>selfish bench speed --full</c> runs.</summary>
    public static IReadOnlyList<string> Methods { get; } = ["RotateNet", "SimCLR", "BYOL", "MoCo", "BarlowTwins"];

    /// <summary>
    /// What <c>selfish bench speed</c> runs by default: the methods of <see cref="Methods"/> that stand for the
    /// families of steps (pretext classification, contrastive, bootstrap with a momentum target, momentum contrast with
    /// a queue), without Barlow Twins, whose wide projector mostly times the two BLAS libraries.
    /// </summary>
    public static IReadOnlyList<string> QuickMethods { get; } = ["RotateNet", "SimCLR", "BYOL", "MoCo"];

    /// <summary>Whether the script implements the registered method <paramref name="name"/>.</summary>
    public static bool Implements(string name) => Methods.Contains(name, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// glibc malloc settings given to the Python process: the same as <see cref="Hosting.NativeAllocator.KeepFreedMemory"/>
    /// does in ours, so that both sides run with the same allocator behaviour (the user's own, when set, reach both).
    /// </summary>
    public const string MallocTunables = "glibc.malloc.mmap_max=0:glibc.malloc.trim_threshold=2147483647";

    /// <summary>
    /// The Python that runs the reference: Debian's <c>/usr/bin/python3</c> (where <c>python3-torch</c> installs) when it
    /// exists, so that a pyenv or virtual-env <c>python3</c> earlier on the PATH does not hide it; else <c>python3</c>.
    /// </summary>
    public static string DefaultPython => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    /// <summary>The reference script, copied next to the <c>selfish</c> binary.</summary>
    public static string Script => Path.Combine(AppContext.BaseDirectory, "reference", "selfish_step.py");

    /// <summary>The torch version the Python can import, or null when the Python or its torch is missing.</summary>
    public string? TorchVersion()
    {
        try
        {
            var (code, output, _) = RunPython(["-c", "import torch; print(torch.__version__)"]);
            return code == 0 ? output.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no such Python
        }
    }

    /// <summary>Runs the steps of <paramref name="manifest"/>, of a method the script <see cref="Implements"/>.</summary>
    public ReferenceRun Run(string manifest)
    {
        var (code, output, error) = RunPython([Script, manifest]);
        if (code != 0)
            throw new InvalidOperationException($"The PyTorch reference failed (exit {code}): {error.Trim()} {output.Trim()}");
        return JsonSerializer.Deserialize<ReferenceRun>(output, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidDataException("The PyTorch reference printed no result.");
    }

    private (int Code, string Output, string Error) RunPython(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["GLIBC_TUNABLES"] = Hosting.NativeAllocator.UserTunables ?? MallocTunables;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }
}

/// <summary>
/// What the reference script printed: its torch version and thread count, each step's loss, wall-clock seconds and
/// process CPU seconds, and the rise of its resident memory over the run (as <see cref="StepRecorder.PeakMemoryRise"/>).
/// </summary>
public sealed record ReferenceRun(
    string Torch, int Threads, IReadOnlyList<double> Losses, IReadOnlyList<double> Seconds, IReadOnlyList<double> CpuSeconds, long? PeakMemoryRise = null);
