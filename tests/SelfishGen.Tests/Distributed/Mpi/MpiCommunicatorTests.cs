using SelfishGen.Tests.Data;

namespace SelfishGen.Tests.Distributed.Mpi;

/// <summary>
/// Open MPI and MPICH through the P/Invoke binding, with 2 ranks: all-reduce (float32, int64, int32, and a 24 MB
/// float64 tensor), all-gather, broadcast, barrier. A rank that loaded the other implementation's library would run
/// alone (rank 0 of 1).
/// </summary>
public sealed class MpiCommunicatorTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [MpiFact]
    public void Collectives_give_every_rank_the_same_right_values()
    {
        var (exitCode, output) = MpiLauncher.Run(2, MpiLauncher.Host, ["collectives", _folder.Path], TimeSpan.FromMinutes(2));

        AssertBothRanksPassed(exitCode, output);
    }

    [MpichFact]
    public void Under_MPICH_collectives_give_every_rank_the_same_right_values()
    {
        var (exitCode, output) = MpiLauncher.RunMpich(2, MpiLauncher.Host, ["collectives", _folder.Path], TimeSpan.FromMinutes(2));

        AssertBothRanksPassed(exitCode, output);
    }

    private void AssertBothRanksPassed(int exitCode, string output)
    {
        Assert.True(exitCode == 0, output);
        Assert.Equal("0 of 2", File.ReadAllText(Path.Combine(_folder.Path, "rank0.ok")));
        Assert.Equal("1 of 2", File.ReadAllText(Path.Combine(_folder.Path, "rank1.ok")));
    }
}
