using System.Diagnostics;
using SelfishGen.Cli.Benchmarks;

namespace SelfishGen.Tests.Interop;

/// <summary>Debian's Python with PyTorch and torchvision, in a child process.</summary>
internal static class Python
{
    private static readonly Lazy<string?> Missing = new(() =>
    {
        try
        {
            var (code, output) = Run("-c", "import torch, torchvision");
            return code == 0 ? null : $"torch or torchvision cannot be imported: {output.Trim()}";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return $"no Python at {PyTorchReference.DefaultPython}";
        }
    });

    /// <summary>Why the torchvision checks cannot run here, or null when they can.</summary>
    public static string? TorchvisionMissing => Missing.Value is { } reason
        ? $"{reason} (apt-get install -y python3-torch python3-torchvision; .ci/run installs them)"
        : null;

    /// <summary>Runs Python with <paramref name="arguments"/>; returns its exit code and its output and errors together.</summary>
    public static (int Code, string Output) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(PyTorchReference.DefaultPython) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + errors.Result);
    }
}

/// <summary>A theory that needs Python with torch and torchvision; skipped, with the reason, where they are absent.</summary>
public sealed class TorchvisionTheoryAttribute : TheoryAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when torchvision cannot be imported.</summary>
    public TorchvisionTheoryAttribute() => Skip = Python.TorchvisionMissing;
}
