namespace SelfishGen.Distributed;

/// <summary>Chooses the communicator of a run from how the process was started.</summary>
public static class Communicators
{
    /// <summary>
    /// The process's <see cref="MpiCommunicator"/> when it was started as one of several ranks (by Open MPI's
    /// <c>mpirun</c>, which sets <c>OMPI_COMM_WORLD_SIZE</c>; by Slurm's <c>srun --mpi=pmix</c>, which sets
    /// <c>SLURM_NTASKS</c> and <c>PMIX_RANK</c>; or by MPICH's <c>mpiexec</c> or <c>srun --mpi=pmi2</c>, which set
    /// <c>PMI_SIZE</c>); otherwise <see cref="SingleProcessCommunicator.Instance"/>.
    /// </summary>
    public static ICommunicator FromEnvironment() =>
        LaunchedRanks() > 1 ? MpiCommunicator.World() : SingleProcessCommunicator.Instance;

    /// <summary>How many ranks the launcher started, as its environment says (1 when started alone).</summary>
    public static int LaunchedRanks() =>
        Count("OMPI_COMM_WORLD_SIZE")
        ?? (Environment.GetEnvironmentVariable("PMIX_RANK") is not null ? Count("SLURM_NTASKS") : null)
        ?? Count("PMI_SIZE")
        ?? 1;

    /// <summary>How many ranks the launcher started on this machine (1 when started alone): they share its cores.</summary>
    public static int LocalRanks() => Count("OMPI_COMM_WORLD_LOCAL_SIZE") ?? Count("MPI_LOCALNRANKS") ?? Count("SLURM_NTASKS_PER_NODE") ?? 1;

    /// <summary>
    /// Whether every rank of the run stopped with <paramref name="error"/> together (a loading error, a cancellation
    /// or a setting the ranks agreed on), so that each can end normally; after any other error of one rank, end the
    /// run with <see cref="ICommunicator.Abort"/>, as the other ranks may wait for it.
    /// </summary>
    public static bool StoppedEveryRank(Exception error) => error.Data[SharedStop] is true;

    /// <summary>Marks <paramref name="error"/> as one every rank stopped with; returns it.</summary>
    internal static Exception MarkSharedStop(Exception error)
    {
        error.Data[SharedStop] = true;
        return error;
    }

    private const string SharedStop = "SelfishGen.Distributed.SharedStop";

    private static int? Count(string variable) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), out var count) && count > 0 ? count : null;
}
