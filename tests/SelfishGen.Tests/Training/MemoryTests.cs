using System.Diagnostics;

namespace SelfishGen.Tests.Training;

public sealed class MemoryTests : IDisposable
{
    private readonly string _store = Directory.CreateTempSubdirectory("selfish-mem-").FullName;

    public void Dispose() => Directory.Delete(_store, recursive: true);

    [Theory]
    [InlineData(SelfishGen.Precision.Float32)]
    [InlineData(SelfishGen.Precision.BFloat16)]
    public void Resident_memory_does_not_grow_over_200_steps(SelfishGen.Precision precision)
    {
        if (precision == SelfishGen.Precision.BFloat16 && !MixedPrecision.CpuRunsBFloat16)
            return; // refused on this CPU (MixedPrecisionTrainingTests)
        manual_seed(1);
        var method = TinyRotateNet.Create(new SyntheticShapes(160, seed: 2));
        var rss = new Dictionary<long, long>();
        var probe = new RssProbe(rss, [50, 199]);

        method.Supervise(epochs: 20, batchSize: 16, name: Path.Combine(_store, "mem"), precision: precision, observer: probe);

        var growth = (rss[199] - rss[50]) / (1024.0 * 1024.0);
        Assert.True(growth < 20, $"RSS grew by {growth:F1} MiB between step 50 and step 199");
    }

    private sealed class RssProbe(Dictionary<long, long> rss, long[] steps) : ITrainingObserver
    {
        public void OnStep(long step, int epoch, float loss, int images, double learningRate)
        {
            if (!steps.Contains(step))
                return;
            GC.Collect();
            GC.WaitForPendingFinalizers();
            using var process = Process.GetCurrentProcess();
            rss[step] = process.WorkingSet64;
        }
    }
}
