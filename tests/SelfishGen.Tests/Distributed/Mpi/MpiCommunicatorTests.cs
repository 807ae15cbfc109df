using SelfishGen.Tests.Data;

namespace SelfishGen.Tests.Distributed.Mpi;

/// <summary>Open MPI through the P/Invoke binding, with 2 ranks: all-reduce (of a small and a 24 MB tensor), all-gather, broadcast, barrier.</summary>
public sealed class MpiCommunicatorTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [MpiFact]
    public void Collectives_give_every_rank_the_same_right_values()
    {
        var (exitCode, output) = MpiLauncher.Run(2, MpiLauncher.Host, ["collectives", _folder.Path], TimeSpan.FromMinutes(2));

        Assert.True(exitCode == 0, output);
        Assert.Equal("0 of 2", File.ReadAllText(Path.Combine(_folder.Path, "rank0.ok")));
        Assert.Equal("1 of 2", File.ReadAllText(Path.Combine(_folder.Path, "rank1.ok")));
    }
}
