namespace SelfishGen.Tests.Distributed.Mpi;

/// <summary>
/// The MPICH binding carries data-parallel training as the Open MPI one does: under MPICH's <c>mpiexec</c>, 2 ranks
/// with half the batch each give one process's losses and gradients (in-batch negatives gathered across the ranks,
/// MoCo's queue fed by both).
/// </summary>
public sealed class MpichEquivalenceTests(MpichEquivalenceRuns runs) : IClassFixture<MpichEquivalenceRuns>
{
    [MpichFact]
    public void Under_MPICH_two_ranks_give_the_losses_and_gradients_of_one_process_with_the_whole_batch()
    {
        DataParallelEquivalenceTests.AssertSameSteps(runs, "SimCLR");
        DataParallelEquivalenceTests.AssertSameSteps(runs, "MoCo");
        Assert.NotEmpty(runs.Final("SimCLR", ranks: 2, rank: 1)); // rank 1 of one world of 2, not a second run alone
    }
}
