using System.Diagnostics;
using SelfishGen.Distributed;
using SelfishGen.Objectives;
using TorchSharp;
using static TorchSharp.torch.nn;

namespace SelfishGen.Tests.Distributed;

/// <summary>
/// The cross-rank autograd pieces free what they allocate: two ranks running steps with synchronised batch norm and
/// a gathered NT-Xent loss (custom autograd nodes in forward and backward) keep the same number of live tensors on
/// each rank's thread and do not grow the process's memory.
/// </summary>
public sealed class CrossRankMemoryTests
{
    private const int Steps = 150;
    private const int Settled = 50;

    [Fact]
    public void Live_tensors_and_resident_memory_do_not_grow_over_150_cross_rank_steps()
    {
        var models = Enumerable.Range(0, 2).Select(_ =>
        {
            manual_seed(1);
            return Sequential(Conv2d(1, 8, 3, padding: 1), BatchNorm2d(8), ReLU(), Flatten(), Linear(8 * 64, 16), BatchNorm1d(16));
        }).ToArray();
        var loss = new NtXentLoss(0.5);
        var rss = new long[Steps];

        var liveTensors = ThreadRanks.Run(2, world =>
        {
            var model = models[world.Rank];
            var live = new long[Steps];
            using var sync = SyncBatchNorm.Attach(model);
            for (var step = 0; step < Steps; step++)
            {
                using (NewDisposeScope())
                {
                    var images = rand([8, 1, 8, 8]);
                    loss.Loss(model.call(images), model.call(images.flip(3))).backward();
                    foreach (var parameter in model.parameters())
                    {
                        world.AllReduce(parameter.grad!);
                        parameter.grad!.zero_();
                    }
                }
                live[step] = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
                if (world.Rank == 0 && step is Settled or Steps - 1)
                    rss[step] = ResidentBytes();
                world.Barrier();
            }
            return live;
        });

        foreach (var live in liveTensors)
            Assert.Equal(live[Settled], live[Steps - 1]);
        var growth = (rss[Steps - 1] - rss[Settled]) / (1024.0 * 1024.0);
        Assert.True(growth < 20, $"RSS grew by {growth:F1} MiB between step {Settled} and step {Steps - 1}");
    }

    private static long ResidentBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }
}
