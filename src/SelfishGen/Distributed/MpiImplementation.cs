namespace SelfishGen.Distributed;

/// <summary>
/// An MPI implementation SelfishGen binds: its library files, the Debian packages that install it, and whether its
/// handles are Open MPI's (addresses of exported globals) or MPICH's (fixed integers, shared by the MPICH ABI family:
/// MPICH, Intel MPI, MVAPICH, Cray MPICH).
/// </summary>
internal sealed record MpiImplementation(string Name, string[] Files, string Packages, string Launcher)
{
    /// <summary>Open MPI 4 or later, started by its <c>mpirun</c> or by Slurm's <c>srun --mpi=pmix</c>.</summary>
    public static readonly MpiImplementation OpenMpi = new("Open MPI", ["libmpi.so.40", "libmpi.so"], "openmpi-bin libopenmpi3", "mpirun -np 2 selfish train");

    /// <summary>The MPICH ABI family, started by MPICH's Hydra (<c>mpiexec</c>) or by Slurm's <c>srun --mpi=pmi2</c>.</summary>
    public static readonly MpiImplementation Mpich = new("MPICH", ["libmpich.so.12", "libmpi.so.12"], "mpich", "mpiexec.mpich -n 2 selfish train");

    /// <summary>
    /// The implementation whose launcher started this process: MPICH's when the launcher speaks PMI (Hydra, or Slurm's
    /// PMI-2, which set <c>PMI_RANK</c>) and Open MPI's did not set its own variables; Open MPI's otherwise.
    /// </summary>
    public static MpiImplementation OfLauncher() => OfLauncher(Environment.GetEnvironmentVariable);

    /// <summary>The implementation of the launcher that set the environment <paramref name="variable"/> reads.</summary>
    internal static MpiImplementation OfLauncher(Func<string, string?> variable) =>
        variable("OMPI_COMM_WORLD_SIZE") is null && variable("PMI_RANK") is not null ? Mpich : OpenMpi;
}
