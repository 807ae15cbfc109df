using System.Text.Json;
using SelfishGen.Cli;
using SelfishGen.Cli.Benchmarks;
using SelfishGen.Tests.Data;

namespace SelfishGen.Tests.Benchmarks;

/// <summary>Smoke tests of <c>selfish bench</c> with tiny budgets: they run end to end and write their reports.</summary>
public sealed class BenchCommandTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public void Quality_bench_trains_within_the_budget_evaluates_and_writes_report_and_plots_skipping_colour_methods_on_grayscale()
    {
        using var folder = new TempFolder();

        var code = SelfishApp.Run(["bench", "quality", "--data", "sample", "--methods", "cmc rotatenet", "--batch-size", "32",
            "--budget-minutes", "0.05", "--eval-train", "200", "--eval-test", "100", "--monitor-every", "2", "--out", folder.Path]);

        Assert.Equal(0, code);
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.Path, "quality.json")));
        var result = Assert.Single(report.RootElement.GetProperty("results").EnumerateArray());
        Assert.Equal("RotateNet", result.GetProperty("method").GetString());
        Assert.True(result.GetProperty("steps").GetInt32() >= 1);
        Assert.Equal(3, result.GetProperty("evaluation").GetProperty("rows").GetArrayLength());
        var readings = result.GetProperty("monitor").GetProperty("points").EnumerateArray().Select(p => p.GetProperty("step").GetInt64()).ToList();
        Assert.Equal(0, readings[0]); // before training, then every 2 steps
        Assert.All(readings.Skip(1).SkipLast(1), step => Assert.Equal(0, step % 2));
        foreach (var png in new[] { "loss.png", "accuracy.png", "monitor.png", "embedding-rotatenet.png" })
            Assert.True(new FileInfo(Path.Combine(folder.Path, png)).Length > 1000, png);
        var skipped = Assert.Single(report.RootElement.GetProperty("skipped").EnumerateArray()).GetString();
        Assert.StartsWith("CMC: ", skipped);
        Assert.Contains("colour", skipped);
        var markdown = File.ReadAllText(Path.Combine(folder.Path, "quality.md"));
        Assert.Contains("| RotateNet |", markdown);
        Assert.Contains($"Skipped {skipped}", markdown);
    }

    [Fact]
    public void Speed_bench_times_the_methods_with_a_reference_and_matches_their_pytorch_losses_when_torch_is_installed()
    {
        using var folder = new TempFolder();

        // 16 images, so that MoCo's shuffle-BN normalises groups of 4. With 8 (groups of 2, where batch norm is steepest)
        // the two sides' second MoCo losses differed by 0.8 % once the views were less blurred; at 12 by 1e-4, at 16 by 1e-6.
        var code = SelfishApp.Run(["bench", "speed", "--full", "--backbones", "convnet", "--batch-size", "16",
            "--steps", "2", "--warmup", "0", "--rounds", "1", "--no-pipeline", "--out", folder.Path]);

        Assert.Equal(0, code);
        var report = JsonSerializer.Deserialize<SpeedReport>(File.ReadAllText(Path.Combine(folder.Path, "speed.json")), Json)!;
        Assert.Equal(["RotateNet", "SimCLR", "BYOL", "MoCo", "BarlowTwins"], report.Results.Select(r => r.Method));
        foreach (var result in report.Results)
        {
            Assert.True(result.OursSeconds > 0 && result.OursCpuSeconds > 0);
            Assert.True(result.HasReference);
            Assert.Equal(report.Torch is null, result.ReferenceFirstLoss is null);
            if (report.Torch is null)
                continue;
            // 1e-4, relative for losses above 1: Barlow Twins' loss is in the thousands, where float32 steps exceed 1e-4.
            Assert.True(result.LossDifference <= 1e-4 * Math.Max(1, Math.Abs(result.OursFirstLoss)), $"{result.Method}: first-step losses differ by {result.LossDifference}");
            // The second step follows the first one's Adam step, momentum update and queue write on both sides.
            var second = Math.Abs(result.OursLosses[1] - result.ReferenceLosses[1]);
            Assert.True(second <= 1e-3 * Math.Max(1, Math.Abs(result.OursLosses[1])), $"{result.Method}: second-step losses differ by {second}");
        }
        Assert.Null(report.Results[0].AugmentationSeconds);
        Assert.All(report.Results.Skip(1), result => Assert.True(result.AugmentationSeconds > 0, $"{result.Method} draws its views in the step"));
    }

    [Fact]
    public void Speed_bench_rejects_a_backbone_without_a_case()
    {
        using var folder = new TempFolder();

        var code = SelfishApp.Run(["bench", "speed", "--backbones", "convnet", "--out", folder.Path]);

        Assert.Equal(2, code);
        Assert.False(File.Exists(Path.Combine(folder.Path, "speed.json")));
    }
}
