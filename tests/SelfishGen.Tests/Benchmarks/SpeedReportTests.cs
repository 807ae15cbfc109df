using SelfishGen.Cli.Benchmarks;

namespace SelfishGen.Tests.Benchmarks;

public sealed class SpeedReportTests
{
    [Fact]
    public void A_method_without_a_reference_is_marked_and_augmentation_is_taken_out_of_the_second_ratio()
    {
        SpeedResult[] results =
        [
            new("SimCLR", "ConvNet", "1x28x28", 256, 1.0, 0.8, 1.8, 2.0, 0.2, true, [5.5], [5.5], [1.0], [0.8], "2.00 1.50 1.00",
                OursPeakMemoryRise: 300L << 20, ReferencePeakMemoryRise: 250L << 20),
            new("SimSiam", "ConvNet", "1x28x28", 256, 2.0, null, 3.0, null, 0.3, false, [1.5], [], [2.0], [], "2.00 1.50 1.00", OursPeakMemoryRise: 400L << 20),
        ];

        var markdown = new SpeedReport(2, "1.13", "unset", "1", "1", 1, 0, 1, results, null).ToMarkdown();

        Assert.Equal(1.25, results[0].Ratio!.Value, 6);
        Assert.Equal(0.9, results[0].CpuRatio!.Value, 6);
        Assert.Equal(1.0, results[0].RatioWithoutAugmentation!.Value, 6);
        Assert.Contains("| SimCLR | ConvNet | 1x28x28 | 256 | 1000 | 800 | 1.25 | 1800 | 2000 | 0.90 | 200 | 1.00 |", markdown);
        Assert.Contains("| SimSiam | ConvNet | 1x28x28 | 256 | 2000 | no reference | no reference | 3000 | no reference | no reference | 300 | - |", markdown);
        Assert.Contains("| 300 / 250 | 2.00 1.50 1.00 |", markdown);
        Assert.Contains("| 400 / no reference | 2.00 1.50 1.00 |", markdown);
        Assert.Contains("peak memory rise MB ours / PyTorch", markdown);
    }

    [Fact]
    public void A_mixed_precision_step_gets_its_ratio_to_float32_and_its_largest_loss_difference()
    {
        var mixed = new MixedPrecisionTiming("BFloat16", 0.4, 0.9, [5.5, 4.0, 3.0], [0.5]);
        SpeedResult[] results =
        [
            new("SimCLR", "ResNet18", "3x32x32", 64, 1.0, 0.8, 1.8, 2.0, 0.2, true, [5.5, 4.2, 3.3], [5.5], [1.0], [0.8], "2.00 1.50 1.00", mixed),
        ];

        var markdown = new SpeedReport(2, "1.13", "unset", "1", "1", 1, 0, 1, results, null).ToMarkdown();

        Assert.Equal(0.4, results[0].MixedRatio!.Value, 6);
        Assert.Equal(0.5, results[0].MixedReferenceRatio!.Value, 6);
        Assert.Equal(0.3 / 3.3, results[0].MixedLossDeviation!.Value, 6);
        Assert.Contains("| SimCLR | ResNet18 | 1000 | 400 | 0.40 | 1800 | 900 | 0.50 | 0.50 | 9.1% |", markdown.Replace(" %", "%"));
    }
}
