using SelfishGen.Cli.Benchmarks;
using SelfishGen.Evaluation;
using SelfishGen.Tests.Data;

namespace SelfishGen.Tests.Benchmarks;

public sealed class ReportFilesTests
{
    [Fact]
    public void A_monitor_reading_keeps_its_effective_rank_and_one_saved_before_it_was_measured_reads_back_without()
    {
        using var folder = new TempFolder();
        var reading = new KnnMonitorPoint(98, 0.38, 1.5, 7.25);
        ReportFiles.SaveJsonAtomically(folder.File("new.json"), reading);
        File.WriteAllText(folder.File("old.json"), """{ "step": 98, "accuracy": 0.38, "seconds": 1.5 }""");

        Assert.Equal(reading, ReportFiles.Read<KnnMonitorPoint>(folder.File("new.json")));
        Assert.Equal(reading with { EffectiveRank = null }, ReportFiles.Read<KnnMonitorPoint>(folder.File("old.json")));
    }
}
