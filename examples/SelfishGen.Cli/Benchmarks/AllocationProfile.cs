using System.Globalization;
using System.Text.RegularExpressions;

namespace SelfishGen.Cli.Benchmarks;

/// <summary>
/// The native allocations of a stretch of work, read from a <see cref="MallocTrace"/> file: how many blocks were
/// allocated and how many bytes, how many of them were tensor storage (allocated by libtorch's <c>c10::alloc_cpu</c>),
/// and the most bytes held at once by blocks allocated in the stretch.
/// </summary>
/// <param name="Allocations">Blocks allocated (malloc, calloc, aligned allocations, the new block of a realloc).</param>
/// <param name="Bytes">Bytes of those blocks.</param>
/// <param name="TensorAllocations">Blocks of them allocated as tensor storage.</param>
/// <param name="TensorBytes">Bytes of those.</param>
/// <param name="PeakBytes">The most bytes held at once by blocks allocated in the stretch.</param>
/// <param name="LargeAllocations">Blocks of at least 1 MiB.</param>
/// <param name="Frees">Blocks freed (those allocated before the stretch included).</param>
public sealed partial record AllocationProfile(
    long Allocations, long Bytes, long TensorAllocations, long TensorBytes, long PeakBytes, long LargeAllocations, long Frees)
{
    private const long Large = 1 << 20;

    /// <summary>The caller libtorch allocates tensor storage from.</summary>
    private const string TensorAllocator = "_ZN3c109alloc_cpu";

    /// <summary>One line: blocks, megabytes, tensor blocks and the peak.</summary>
    public string Summary() => FormattableString.Invariant(
        $"{Allocations} blocks, {Bytes / Megabyte:F1} MB ({TensorAllocations} tensors, {TensorBytes / Megabyte:F1} MB), peak {PeakBytes / Megabyte:F1} MB, {LargeAllocations} of 1 MiB or more");

    /// <summary>Bytes in a megabyte (MiB), as the tables give them.</summary>
    public const double Megabyte = 1 << 20;

    /// <summary>Reads the trace file <paramref name="path"/>.</summary>
    public static AllocationProfile Read(string path) => Parse(File.ReadLines(path));

    /// <summary>Reads the lines of a trace.</summary>
    public static AllocationProfile Parse(IEnumerable<string> lines)
    {
        var live = new Dictionary<string, long>();
        long allocations = 0, bytes = 0, tensorAllocations = 0, tensorBytes = 0, held = 0, peak = 0, large = 0, frees = 0;
        foreach (var line in lines)
        {
            var entry = Entry().Match(line);
            if (!entry.Success)
                continue;
            var address = entry.Groups["address"].Value;
            if (entry.Groups["operation"].Value is "+" or ">")
            {
                var size = long.Parse(entry.Groups["size"].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                allocations++;
                bytes += size;
                if (line.Contains(TensorAllocator, StringComparison.Ordinal))
                    (tensorAllocations, tensorBytes) = (tensorAllocations + 1, tensorBytes + size);
                if (size >= Large)
                    large++;
                live[address] = size;
                held += size;
                peak = Math.Max(peak, held);
            }
            else
            {
                frees++;
                if (live.Remove(address, out var size))
                    held -= size;
            }
        }
        return new AllocationProfile(allocations, bytes, tensorAllocations, tensorBytes, peak, large, frees);
    }

    // "@ caller + 0xADDRESS 0xSIZE" (allocated), "- 0xADDRESS" (freed), "< 0xOLD" and "> 0xNEW 0xSIZE" (reallocated)
    [GeneratedRegex(@"^@ .* (?<operation>[-+<>]) 0x(?<address>[0-9a-f]+)(?: 0x(?<size>[0-9a-f]+))?$")]
    private static partial Regex Entry();
}
