using SelfishGen.Hosting;

namespace SelfishGen.Tests.Training;

public class IntraOpThreadsTests
{
    [Fact]
    public void A_thread_made_serial_runs_libtorch_on_one_thread_and_the_others_keep_theirs()
    {
        var before = torch.get_num_threads();
        var (reached, onThatThread) = (false, 0);

        var thread = new Thread(() =>
        {
            reached = IntraOpThreads.SerialOnThisThread();
            onThatThread = torch.get_num_threads();
        });
        thread.Start();
        thread.Join();

        Assert.True(reached, "omp_set_num_threads of the OpenMP runtime libtorch loaded was not found");
        Assert.Equal(1, onThatThread);
        Assert.Equal(before, torch.get_num_threads());
    }
}
