using SelfishGen.Tests.Data;

namespace SelfishGen.Tests.Distributed.Mpi;

/// <summary>
/// The test host's training runs of the compared methods, once in one process with the whole batch and once with
/// 2 ranks of half the batch each (under Open MPI), made once for all the equivalence tests; then what each wrote.
/// </summary>
public class EquivalenceRuns : IDisposable
{
    public const int Steps = 4;
    public const int BatchSize = 16;
    public static readonly string[] Methods = ["SimCLR", "MoCo", "BYOL", "BarlowTwins", "VICReg", "DINO", "InstanceDiscrimination", "CPC", "PIRL", "CMC"];
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);
    private readonly TempFolder _folder = new();
    private readonly Lazy<string> _ran;
    private readonly string[] _methods;
    private readonly Func<int, string, IEnumerable<string>, TimeSpan, (int ExitCode, string Output)> _launch;

    public EquivalenceRuns() : this(Methods, MpiLauncher.Run)
    {
    }

    /// <summary>Runs of <paramref name="methods"/>, the ranks started by <paramref name="launch"/> (ranks, program, arguments, timeout).</summary>
    protected EquivalenceRuns(string[] methods, Func<int, string, IEnumerable<string>, TimeSpan, (int ExitCode, string Output)> launch)
    {
        (_methods, _launch) = (methods, launch);
        _ran = new Lazy<string>(Train);
    }

    /// <summary>What the run with <paramref name="ranks"/> ranks saw in each step of <paramref name="method"/>: (images, loss, averaged gradient).</summary>
    public IReadOnlyList<(int Images, double Loss, double[] Gradient)> StepsOf(string method, int ranks) =>
        [.. File.ReadLines(Path.Combine(Folder(ranks), $"{method}.steps")).Select(line =>
        {
            var fields = line.Split(' ');
            return (int.Parse(fields[1]), double.Parse(fields[2]), fields.Skip(3).Select(double.Parse).ToArray());
        })];

    /// <summary>Every parameter and buffer <paramref name="rank"/> of the run with <paramref name="ranks"/> ranks ended with.</summary>
    public IReadOnlyDictionary<string, double[]> Final(string method, int ranks, int rank)
    {
        var tensors = new Dictionary<string, double[]>();
        using var reader = new BinaryReader(File.OpenRead(Path.Combine(Folder(ranks), $"{method}.rank{rank}.final")));
        while (reader.BaseStream.Position < reader.BaseStream.Length)
        {
            var name = reader.ReadString();
            tensors[name] = Enumerable.Range(0, reader.ReadInt32()).Select(_ => reader.ReadDouble()).ToArray();
        }
        return tensors;
    }

    public void Dispose()
    {
        _folder.Dispose();
        GC.SuppressFinalize(this);
    }

    private string Folder(int ranks) => Path.Combine(_ran.Value, ranks == 1 ? "alone" : $"ranks{ranks}");

    private string Train()
    {
        string[] Arguments(string folder) => ["train", folder, string.Join(',', _methods), Steps.ToString(), BatchSize.ToString()];
        var alone = MpiLauncher.RunAlone(MpiLauncher.Host, Arguments(Path.Combine(_folder.Path, "alone")), Timeout);
        Assert.True(alone.ExitCode == 0, alone.Output);
        var ranks = _launch(2, MpiLauncher.Host, Arguments(Path.Combine(_folder.Path, "ranks2")), Timeout);
        Assert.True(ranks.ExitCode == 0, ranks.Output);
        return _folder.Path;
    }
}

/// <summary>SimCLR's and MoCo's runs with the 2 ranks started by MPICH's <c>mpiexec</c>.</summary>
public sealed class MpichEquivalenceRuns() : EquivalenceRuns(["SimCLR", "MoCo"], MpiLauncher.RunMpich);
