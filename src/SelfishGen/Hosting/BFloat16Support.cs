namespace SelfishGen.Hosting;

/// <summary>
/// Whether this machine computes bfloat16 natively: CPUs with the AVX-512 BF16 or AMX-BF16 instructions, where
/// libtorch's bfloat16 convolutions and matrix products run at about twice the float32 rate. Elsewhere libtorch
/// emulates bfloat16 on the CPU, slower than float32.
/// </summary>
public static class BFloat16Support
{
    private static readonly Lazy<bool> Native = new(ReadCpuFlags);

    /// <summary>Whether the CPU has native bfloat16 arithmetic (read once from <c>/proc/cpuinfo</c>; false where there is none).</summary>
    public static bool Cpu => Native.Value;

    private static bool ReadCpuFlags()
    {
        const string path = "/proc/cpuinfo";
        if (!OperatingSystem.IsLinux() || !File.Exists(path))
            return false;
        var flags = File.ReadLines(path).FirstOrDefault(line => line.StartsWith("flags", StringComparison.Ordinal));
        return flags is not null && HasNativeFlag(flags);
    }

    /// <summary>Whether a <c>flags</c> line of <c>/proc/cpuinfo</c> names avx512_bf16 or amx_bf16.</summary>
    internal static bool HasNativeFlag(string flagsLine) =>
        flagsLine.Split([' ', '\t', ':'], StringSplitOptions.RemoveEmptyEntries).Any(flag => flag is "avx512_bf16" or "amx_bf16");
}
