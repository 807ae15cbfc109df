using System.Text.Json;
using SelfishGen.Cli;
using SelfishGen.Cli.Benchmarks;
using SelfishGen.Data;
using SelfishGen.Evaluation;
using SelfishGen.Modules;
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
        var baselines = Path.Combine(folder.Path, "baselines");

        var code = SelfishApp.Run(["bench", "quality", "--data", "sample", "--methods", "cmc rotatenet simclr", "--batch-size", "32",
            "--budget-minutes", "0.05", "--eval-train", "200", "--eval-test", "100", "--monitor-every", "2", "--out", folder.Path,
            "--baseline-cache", baselines]);

        Assert.Equal(0, code);
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.Path, "quality.json")));
        var results = report.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["RotateNet", "SimCLR"], results.Select(r => r.GetProperty("method").GetString()));
        // one raw-pixel row for every method
        Assert.Equal(RawPixels(results[0]), RawPixels(results[1]));
        Assert.All(results, r => Assert.True(r.GetProperty("evaluationSeconds").GetDouble() > 0));
        var result = results[0];
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
        // the raw-pixel row and each distinct random init kept once, for later runs
        Assert.Equal(1 + results.Select(r => Row(r, "random init")).Distinct().Count(), Directory.GetFiles(baselines, "*.json").Length);
    }

    [Fact]
    public void Quality_bench_whose_every_method_is_skipped_fails_clearly_and_keeps_the_folder_s_earlier_report()
    {
        using var folder = new TempFolder();
        var earlier = Path.Combine(folder.Path, "quality.json");
        File.WriteAllText(earlier, "{}");

        var code = SelfishApp.Run(["bench", "quality", "--data", "sample", "--methods", "Jigsaw:Grid=3", "--batch-size", "32",
            "--budget-minutes", "0.05", "--eval-train", "200", "--eval-test", "100", "--out", folder.Path, "--baseline-cache", "none"]);

        Assert.Equal(1, code);
        Assert.Equal("{}", File.ReadAllText(earlier));
        Assert.False(File.Exists(Path.Combine(folder.Path, "quality.md")));
    }

    [Fact]
    public void A_later_quality_run_on_the_same_data_and_seed_reuses_the_kept_baseline_rows_and_another_seed_computes_its_own()
    {
        using var folder = new TempFolder();
        var baselines = Path.Combine(folder.Path, "baselines");
        JsonElement Run(string output, int seed)
        {
            Assert.Equal(0, SelfishApp.Run(["bench", "quality", "--data", "sample", "--methods", "rotatenet", "--batch-size", "32",
                "--budget-minutes", "0.02", "--eval-train", "200", "--eval-test", "100", "--seed", $"{seed}",
                "--out", Path.Combine(folder.Path, output), "--baseline-cache", baselines]));
            using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.Path, output, "quality.json")));
            return report.RootElement.GetProperty("results")[0].Clone();
        }

        var first = Run("first", seed: 0);
        var files = Directory.GetFiles(baselines, "*.json").ToDictionary(f => f, File.ReadAllText);
        Assert.Equal(2, files.Count);
        // a kept row edited on disk is what the next run reports: proof that it was read, not recomputed
        var randomInitFile = files.Single(f => f.Value.Contains("random init")).Key;
        File.WriteAllText(randomInitFile, files[randomInitFile].Replace(Knn200(first, "random init"), "0.125"));
        var second = Run("second", seed: 0);
        var otherSeed = Run("other-seed", seed: 1);

        Assert.Equal("0.125", Knn200(second, "random init"));
        Assert.Equal(Row(first, "raw pixels"), Row(second, "raw pixels"));
        Assert.NotEqual("0.125", Knn200(otherSeed, "random init"));
        Assert.Equal(4, Directory.GetFiles(baselines, "*.json").Length); // another seed draws other evaluation images: both rows its own
        Assert.Equal([0, 0, 1], new[] { first, second, otherSeed }.Select(result => result.GetProperty("seed").GetInt32()));
    }

    [Fact]
    public void Quality_bench_with_several_seeds_runs_each_method_with_each_seed_on_the_same_images_and_tables_their_mean_and_spread()
    {
        using var folder = new TempFolder();

        var code = SelfishApp.Run(["bench", "quality", "--data", "sample", "--methods", "rotatenet", "--batch-size", "32",
            "--budget-minutes", "0.02", "--eval-train", "200", "--eval-test", "100", "--seeds", "0,2", "--out", folder.Path,
            "--baseline-cache", "none"]);

        Assert.Equal(0, code);
        var report = QualityReport.Read(folder.Path);
        Assert.Equal(["RotateNet", "RotateNet (seed 2)"], report.Results.Select(r => r.Label));
        Assert.Equal([(int?)0, 2], report.Results.Select(r => r.Seed));
        var (seed0, seed2) = (report.Results[0], report.Results[1]);
        Assert.Equal(seed0.RawPixels, seed2.RawPixels); // measured on the same images
        Assert.NotEqual(seed0.RandomInit, seed2.RandomInit); // each against its own seed's initialisation
        foreach (var label in new[] { "RotateNet", "RotateNet (seed 2)" })
            Assert.True(File.Exists(CheckpointFile.PathOf(Path.Combine(folder.Path, "store", label))), label);
        Assert.True(File.Exists(Path.Combine(folder.Path, "embedding-rotatenet-seed-2.png")));
        var gains = new[] { seed0, seed2 }.Select(r => 100 * (r.Trained.Knn200 - r.RandomInit.Knn200)).ToArray();
        var (mean, deviation) = (gains.Average(), Math.Abs(gains[0] - gains[1]) / Math.Sqrt(2));
        var row = File.ReadAllLines(Path.Combine(folder.Path, "quality.md")).Single(line => line.StartsWith("| RotateNet | 0, 2 |", StringComparison.Ordinal));
        Assert.Contains(FormattableString.Invariant($"| {mean:+0.00;-0.00} ± {deviation:F2} |"), row);
    }

    [Fact]
    public void A_quality_run_that_fails_in_a_later_method_keeps_the_report_of_the_methods_it_finished()
    {
        using var folder = new TempFolder();

        // SimCLR at a temperature of 1e-30 diverges: the run stops with an error after RotateNet's row
        var code = SelfishApp.Run(["bench", "quality", "--data", "sample", "--methods", "rotatenet simclr:Temperature=1e-30", "--batch-size", "32",
            "--budget-minutes", "0.02", "--eval-train", "200", "--eval-test", "100", "--out", folder.Path, "--baseline-cache", "none"]);

        Assert.NotEqual(0, code);
        Assert.Equal(["RotateNet"], QualityReport.Read(folder.Path).Results.Select(r => r.Label));
        Assert.Contains("| RotateNet |", File.ReadAllText(Path.Combine(folder.Path, "quality.md")));
    }

    [Theory]
    [InlineData("--seeds", "1,1")]
    [InlineData("--seeds", "0,one")]
    [InlineData("--seeds", "0,-1")]
    [InlineData("--seed", "1", "--seeds", "0,1")]
    public void Quality_bench_refuses_seeds_it_cannot_run_before_training(params string[] seeds)
    {
        using var folder = new TempFolder();

        var code = SelfishApp.Run(["bench", "quality", "--data", "sample", "--methods", "rotatenet", "--out", folder.Path, .. seeds]);

        Assert.NotEqual(0, code);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    private static string Knn200(JsonElement result, string encoder) =>
        JsonDocument.Parse(Row(result, encoder)).RootElement.GetProperty("knn200").GetRawText();

    private static string Row(JsonElement result, string encoder) =>
        result.GetProperty("evaluation").GetProperty("rows").EnumerateArray().Single(row => row.GetProperty("encoder").GetString() == encoder).GetRawText();

    private static string RawPixels(JsonElement result) => Row(result, "raw pixels");

    [Fact]
    public void Merge_puts_the_methods_of_several_quality_runs_in_one_table_with_their_own_threads_and_load()
    {
        using var folder = new TempFolder();
        var (first, second, merged) = (Path.Combine(folder.Path, "a"), Path.Combine(folder.Path, "b"), Path.Combine(folder.Path, "merged"));
        Report(threads: 1, "1.50 1.20 1.00", Result("MoCo", 0.41, 0.36, monitored: true) with { CpuSeconds = 4500 }).Save(first);
        // written before rows recorded their threads, load and CPU time: the row takes its report's threads and load
        Report(threads: 2, "3.00 2.50 2.00", Result("CPC", 0.38, 0.37, monitored: false) with { Threads = 0, Load = "" }).Save(second);

        var code = SelfishApp.Run(["bench", "merge", first, Path.Combine(second, "quality.json"), "--out", merged]);

        Assert.Equal(0, code);
        var report = QualityReport.Read(merged);
        Assert.Equal(["MoCo", "CPC"], report.Results.Select(r => r.Method));
        Assert.Equal([(1, "1.50 1.20 1.00"), (2, "3.00 2.50 2.00")], report.Results.Select(r => (r.Threads, r.Load)));
        Assert.Equal(0, report.Threads);
        var markdown = File.ReadAllText(Path.Combine(merged, "quality.md"));
        Assert.Contains("| MoCo | ConvNet | 10 epochs | 1950 | 10.00 | 250 | 75.0 | 41.00 % |", markdown);
        Assert.Contains("| CPC | ConvNet | 10 epochs | 1950 | 10.00 | 250 | - | 38.00 % |", markdown);
        Assert.Contains("| +5.00 |", markdown);
        Assert.Contains("| 2, 3.00 2.50 2.00 |", markdown);
        foreach (var png in new[] { "loss.png", "accuracy.png", "monitor.png" })
            Assert.True(new FileInfo(Path.Combine(merged, png)).Length > 1000, png);
    }

    [Fact]
    public void Merge_refuses_runs_on_different_data_or_the_same_method_twice_and_writes_nothing()
    {
        using var folder = new TempFolder();
        var (first, second, merged) = (Path.Combine(folder.Path, "a"), Path.Combine(folder.Path, "b"), Path.Combine(folder.Path, "merged"));
        Report(threads: 1, "1.00 1.00 1.00", Result("MoCo", 0.41, 0.36, monitored: false)).Save(first);
        (Report(threads: 1, "1.00 1.00 1.00", Result("SimCLR", 0.42, 0.36, monitored: false)) with { TestImages = 2000 }).Save(second);

        Assert.Equal(1, SelfishApp.Run(["bench", "merge", first, second, "--out", merged]));
        Assert.Equal(1, SelfishApp.Run(["bench", "merge", first, first, "--out", merged]));
        Assert.False(Directory.Exists(merged));
        Assert.NotEqual(0, SelfishApp.Run(["bench", "merge", Path.Combine(folder.Path, "missing"), "--out", merged]));
    }

    [Fact]
    public void Merge_keeps_runs_of_one_method_with_other_seeds_as_rows_of_their_own_named_by_their_seed()
    {
        using var folder = new TempFolder();
        var (seed0, seed1, again, merged) = (Path.Combine(folder.Path, "a"), Path.Combine(folder.Path, "b"), Path.Combine(folder.Path, "c"), Path.Combine(folder.Path, "merged"));
        Report(threads: 1, "1.00 1.00 1.00", Result("MoCo", 0.41, 0.36, monitored: true) with { Seed = 0 }).Save(seed0);
        Report(threads: 1, "1.00 1.00 1.00", Result("MoCo", 0.40, 0.37, monitored: true) with { Seed = 1 }).Save(seed1);
        Report(threads: 1, "1.00 1.00 1.00", Result("MoCo", 0.39, 0.37, monitored: true) with { Seed = 1 }).Save(again);

        Assert.Equal(1, SelfishApp.Run(["bench", "merge", seed1, again, "--out", merged]));
        Assert.Equal(0, SelfishApp.Run(["bench", "merge", seed0, seed1, "--out", merged]));

        var report = QualityReport.Read(merged);
        Assert.Equal([(int?)0, 1], report.Results.Select(r => r.Seed));
        Assert.Equal(["MoCo", "MoCo (seed 1)"], report.Results.Select(r => r.Label));
        var markdown = File.ReadAllText(Path.Combine(merged, "quality.md"));
        Assert.Contains("| MoCo | ConvNet |", markdown);
        Assert.Contains("| MoCo (seed 1) | ConvNet | 10 epochs | 1950 | 10.00 | 250 | - | 40.00 % |", markdown);
        Assert.Contains("| +3.00 |", markdown);
        Assert.Contains("| MoCo | 0, 1 | 40.50 ± 0.71 % | 55.00 ± 0.00 % | +4.00 ± 1.41 | +6.00 ± 0.00 |", markdown);
    }

    [Fact]
    public void Merge_takes_the_same_images_under_another_path_only_when_told_and_still_checks_their_counts()
    {
        using var folder = new TempFolder();
        var (first, moved, recounted, merged) = (Path.Combine(folder.Path, "a"), Path.Combine(folder.Path, "b"), Path.Combine(folder.Path, "c"), Path.Combine(folder.Path, "merged"));
        Report(threads: 1, "1.00 1.00 1.00", Result("MoCo", 0.41, 0.36, monitored: false)).Save(first);
        (Report(threads: 1, "1.00 1.00 1.00", Result("CPC", 0.38, 0.37, monitored: false)) with { Data = "/elsewhere/cifar10" }).Save(moved);
        (Report(threads: 1, "1.00 1.00 1.00", Result("SimCLR", 0.42, 0.36, monitored: false)) with { Data = "/elsewhere/cifar10", TestImages = 2000 }).Save(recounted);

        var refused = Record.Exception(() => QualityReport.Merge([(first, QualityReport.Read(first)), (moved, QualityReport.Read(moved))]));
        Assert.Contains("--data-moved", refused.Message);
        Assert.Equal(1, SelfishApp.Run(["bench", "merge", first, moved, recounted, "--data-moved", "--out", merged]));
        Assert.False(Directory.Exists(merged));

        Assert.Equal(0, SelfishApp.Run(["bench", "merge", first, moved, "--data-moved", "--out", merged]));
        var report = QualityReport.Read(merged);
        Assert.Equal("cifar10", report.Data);
        Assert.Equal(["MoCo", "CPC"], report.Results.Select(r => r.Method));
    }

    private static QualityReport Report(int threads, string load, QualityResult result) =>
        new("cifar10", 50000, 50000, 10000, null, threads, load, [result], []);

    private static QualityResult Result(string method, double knn200, double randomKnn200, bool monitored) => new(
        method, "ConvNet", "10 epochs", 1950, 10, 250, [.. Enumerable.Range(0, 1950).Select(i => 8f - i / 1000f)],
        new EvaluationReport([
            new(EncoderEvaluation.Trained, knn200, knn200 + 0.02, 0.55),
            new(EncoderEvaluation.RandomInit, randomKnn200, randomKnn200 + 0.01, 0.49),
            new(EncoderEvaluation.RawPixels, 0.26, 0.30, null)]),
        monitored ? new MonitorLog(98, 200, 2000, 1000, 12, 0.01, [new(0, 0.36, 1, 3.1), new(98, 0.38, 1, 5.2), new(196, 0.40, 1, 6.0)]) : null,
        "SGD", 1, "1.50 1.20 1.00");

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
        var optimizerBytes = 3 * sizeof(float) * new ConvNet(new ImageShape(1, 28, 28)).parameters().Sum(p => p.numel());
        foreach (var result in report.Results)
        {
            Assert.True(result.OursSeconds > 0 && result.OursCpuSeconds > 0);
            Assert.True(result.HasReference);
            // Memory rises by at least the backbone's gradients and Adam's two moments, on both sides.
            Assert.True(result.OursPeakMemoryRise > optimizerBytes, $"{result.Method}: our peak memory rise {result.OursPeakMemoryRise}");
            Assert.Equal(report.Torch is null, result.ReferencePeakMemoryRise is null);
            Assert.True(result.ReferencePeakMemoryRise is null || result.ReferencePeakMemoryRise > optimizerBytes, $"{result.Method}: PyTorch's {result.ReferencePeakMemoryRise}");
            Assert.Equal(report.Torch is null, result.ReferenceFirstLoss is null);
            if (report.Torch is null)
                continue;
            // 1e-4, relative for losses above 1: Barlow Twins' loss is in the thousands, where float32 steps exceed 1e-4.
            Assert.True(result.LossDifference <= 1e-4 * Math.Max(1, Math.Abs(result.OursFirstLoss)), $"{result.Method}: first-step losses differ by {result.LossDifference}");
            // The second step follows the first one's Adam step, momentum update and queue write on both sides.
            var second = Math.Abs(result.OursLosses[1] - result.ReferenceLosses[1]);
            Assert.True(second <= 1e-3 * Math.Max(1, Math.Abs(result.OursLosses[1])), $"{result.Method}: second-step losses differ by {second}");
        }
        // RotateNet's padded crop is a view too.
        Assert.All(report.Results, result => Assert.True(result.AugmentationSeconds > 0, $"{result.Method} draws its views in the step"));
    }

    [Fact]
    public void Speed_bench_times_how_each_pretext_method_makes_its_inputs_and_how_far_its_step_outweighs_them()
    {
        using var folder = new TempFolder();

        var code = SelfishApp.Run(["bench", "speed", "--full", "--backbones", "convnet", "--batch-size", "8",
            "--methods", "RotateNet;Jigsaw;ExemplarNet;DenoiseNet;ContextNet;BiGAN;CPC;SimCLR",
            "--steps", "2", "--warmup", "0", "--rounds", "1", "--no-reference", "--no-pipeline", "--out", folder.Path]);

        Assert.Equal(0, code);
        var report = JsonSerializer.Deserialize<SpeedReport>(File.ReadAllText(Path.Combine(folder.Path, "speed.json")), Json)!;
        var pretextMethods = report.Results.SkipLast(1).ToList();
        Assert.Equal(7, pretextMethods.Count);
        Assert.All(pretextMethods, result =>
        {
            Assert.True(result.PretextSeconds > 0, $"{result.Method} makes its inputs in the step");
            // Of these only RotateNet declares a view (its padded crop), which its pretext task then rotates.
            Assert.Equal(result.Method == "RotateNet", result.AugmentationSeconds > 0);
            // The ratio itself is a benchmark's reading (at batch 8 on a loaded machine a step and its inputs, timed
            // apart, can come out either way round); here it must be the step over all of its inputs.
            Assert.Equal(result.OursSeconds / ((result.AugmentationSeconds ?? 0) + result.PretextSeconds!.Value), result.InputHeadroom!.Value, 9);
        });
        var simclr = report.Results[^1];
        Assert.Null(simclr.PretextSeconds);
        Assert.Equal(simclr.OursSeconds / simclr.AugmentationSeconds!.Value, simclr.InputHeadroom!.Value, 9);
        Assert.Contains("| ours step / inputs |", File.ReadAllText(Path.Combine(folder.Path, "speed.md")));
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
