namespace SelfishGen.Tests.Distributed.Mpi;

/// <summary>A test that starts ranks with <c>mpirun</c>; skipped, saying why, where Open MPI is not installed.</summary>
public sealed class MpiFactAttribute : FactAttribute
{
    public MpiFactAttribute() => Skip = MpiLauncher.Unavailable;
}

/// <summary>A theory that starts ranks with <c>mpirun</c>; skipped, saying why, where Open MPI is not installed.</summary>
public sealed class MpiTheoryAttribute : TheoryAttribute
{
    public MpiTheoryAttribute() => Skip = MpiLauncher.Unavailable;
}

/// <summary>A test that starts ranks with MPICH's <c>mpiexec</c>; skipped, saying why, where MPICH is not installed.</summary>
public sealed class MpichFactAttribute : FactAttribute
{
    public MpichFactAttribute() => Skip = MpiLauncher.MpichUnavailable;
}
