using SelfishGen.Cli.Benchmarks;
using SelfishGen.Tests.Data;
using SelfishGen.Tests.Distributed.Mpi;
using SelfishGen.Tests.Interop;

namespace SelfishGen.Tests.Benchmarks;

/// <summary><c>selfish bench speed --allocations</c>: one step's native allocations, from glibc's malloc trace.</summary>
public sealed class AllocationProfileTests
{
    [Fact]
    public void A_trace_is_read_into_blocks_bytes_tensor_storage_and_the_peak_held()
    {
        string[] trace =
        [
            "= Start",
            "@ /lib/libstdc++.so.6:(_Znwm+1c)[0xa958c] + 0x1000 0x40",
            "@ /lib/libc10.so:(_ZN3c109alloc_cpuEm+8f)[0x3f04f] + 0x2000 0x200000",
            "@ /lib/libc10.so:(_ZN3c109alloc_cpuEm+8f)[0x3f04f] + 0x3000 0x100",
            "@ /lib/libc10.so:[0x3f0ff] - 0x2000",
            "@ /lib/libc10.so:[0x3f0ff] - 0x9000",                // allocated before the trace
            "@ /lib/libc.so.6:[0x1] < 0x1000",                    // realloc: the old block ...
            "@ /lib/libc.so.6:[0x1] > 0x4000 0x80",               // ... and the new one
            "= End",
        ];

        var profile = AllocationProfile.Parse(trace);

        Assert.Equal(4, profile.Allocations);
        Assert.Equal(0x40 + 0x200000 + 0x100 + 0x80, profile.Bytes);
        Assert.Equal((2, 0x200000L + 0x100), (profile.TensorAllocations, profile.TensorBytes));
        Assert.Equal(0x40 + 0x200000 + 0x100, profile.PeakBytes);
        Assert.Equal(1, profile.LargeAllocations);
        Assert.Equal(3, profile.Frees);
    }

    [TorchvisionTheory]
    [InlineData("RotateNet")]
    public void Bench_speed_traces_one_step_of_ours_and_of_PyTorch_in_a_process_it_starts_with_the_trace_preloaded(string method)
    {
        using var folder = new TempFolder();
        // started without the preload: the command runs itself again with it
        var (code, output) = MpiLauncher.RunAlone(MpiLauncher.Selfish,
            ["bench", "speed", "--full", "--backbones", "convnet", "--methods", method, "--batch-size", "8", "--steps", "1", "--warmup", "1",
             "--rounds", "1", "--no-pipeline", "--allocations", "--threads", "1", "--out", folder.Path], TimeSpan.FromMinutes(5));

        Assert.True(code == 0, output);
        var result = ReportFiles.Read<SpeedReport>(Path.Combine(folder.Path, "speed.json")).Results.Single();
        // a RotateNet step pushes 4 rotations of 8 images of 1x28x28 floats forward: at least that much tensor storage
        const long rotatedBatch = 4 * 8 * 28 * 28 * sizeof(float);
        foreach (var profile in new[] { result.OursAllocations!, result.ReferenceAllocations! })
        {
            Assert.InRange(profile.TensorBytes, rotatedBatch, profile.Bytes);
            Assert.InRange(profile.TensorAllocations, 10, profile.Allocations - 1);
            Assert.InRange(profile.PeakBytes, rotatedBatch, profile.Bytes);
        }
        Assert.Contains("allocations of step 2: ours", output);
    }
}
