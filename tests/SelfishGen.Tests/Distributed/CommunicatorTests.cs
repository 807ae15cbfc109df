using SelfishGen.Distributed;

namespace SelfishGen.Tests.Distributed;

public sealed class CommunicatorTests
{
    [Fact]
    public void A_missing_MPI_library_names_the_packages_to_install_and_the_launcher()
    {
        var openMpi = MpiImplementation.OpenMpi with { Files = ["libmpi-not-installed.so.99"] };
        var mpich = MpiImplementation.Mpich with { Files = ["libmpich-not-installed.so.99"] };

        var openMpiError = Assert.Throws<DllNotFoundException>(() => MpiLibrary.Load(openMpi));
        var mpichError = Assert.Throws<DllNotFoundException>(() => MpiLibrary.Load(mpich));
        var chosenError = Assert.Throws<DllNotFoundException>(() => MpiLibrary.Load("/nowhere/libmpi.so.12"));

        Assert.Contains("apt-get install openmpi-bin libopenmpi3", openMpiError.Message);
        Assert.Contains("mpirun -np 2", openMpiError.Message);
        Assert.Contains("apt-get install mpich", mpichError.Message);
        Assert.Contains("mpiexec", mpichError.Message);
        Assert.Contains("/nowhere/libmpi.so.12", chosenError.Message);
        Assert.Contains(MpiLibrary.LibraryVariable, chosenError.Message);
    }

    [Theory]
    [InlineData("", "Open MPI")]
    [InlineData("OMPI_COMM_WORLD_SIZE=2", "Open MPI")]
    [InlineData("PMIX_RANK=0", "Open MPI")]
    [InlineData("PMI_RANK=0", "MPICH")]
    public void The_launcher_that_started_the_process_chooses_the_MPI_implementation(string set, string implementation)
    {
        var environment = set.Split('=') is [var name, var value] ? new Dictionary<string, string> { [name] = value } : [];

        Assert.Equal(implementation, MpiImplementation.OfLauncher(environment.GetValueOrDefault).Name);
    }

    [Fact]
    public void One_process_is_rank_0_of_1_and_its_collectives_keep_values()
    {
        var world = SingleProcessCommunicator.Instance;
        var values = tensor(new[] { 1f, 2f });
        world.AllReduce(values);
        world.Broadcast(values);

        Assert.Equal((0, 1), (world.Rank, world.Size));
        Assert.Equal([1f, 2f], values.data<float>().ToArray());
        Assert.Equal([1f, 2f], world.AllGather(values).data<float>().ToArray());
    }

    [Fact]
    public void A_process_not_started_by_a_launcher_runs_alone()
    {
        Assert.Null(Environment.GetEnvironmentVariable("OMPI_COMM_WORLD_SIZE"));

        Assert.Same(SingleProcessCommunicator.Instance, Communicators.FromEnvironment());
        Assert.Same(SingleProcessCommunicator.Instance, CrossRank.World);
    }
}
