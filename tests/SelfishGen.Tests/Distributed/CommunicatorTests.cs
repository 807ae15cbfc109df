using SelfishGen.Distributed;

namespace SelfishGen.Tests.Distributed;

public sealed class CommunicatorTests
{
    [Fact]
    public void A_missing_Open_MPI_library_names_the_packages_to_install()
    {
        var error = Assert.Throws<DllNotFoundException>(() => OpenMpiLibrary.Load(["libmpi-not-installed.so.99"]));

        Assert.Contains("apt-get install openmpi-bin libopenmpi3", error.Message);
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
