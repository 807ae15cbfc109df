using SelfishGen.Cli.Benchmarks;

namespace SelfishGen.Tests.Benchmarks;

public sealed class SpeedReportTests
{
    [Fact]
    public void A_method_without_a_reference_is_marked_and_augmentation_is_taken_out_of_the_second_ratio()
    {
        SpeedResult[] results =
        [
            new("SimCLR", "ConvNet", "1x28x28", 256, 1.0, 0.8, 0.2, true, 5.5, 5.5, [1.0], [0.8]),
            new("BYOL", "ConvNet", "1x28x28", 256, 2.0, null, 0.3, false, 1.5, null, [2.0], []),
        ];

        var markdown = new SpeedReport(2, "1.13", "unset", "1", "1", 1, 0, 1, results, null).ToMarkdown();

        Assert.Equal(1.25, results[0].Ratio!.Value, 6);
        Assert.Equal(1.0, results[0].RatioWithoutAugmentation!.Value, 6);
        Assert.Contains("| SimCLR | ConvNet | 1x28x28 | 256 | 1000 | 256 | 800 | 320 | 1.25 | 200 | 1.00 |", markdown);
        Assert.Contains("| BYOL | ConvNet | 1x28x28 | 256 | 2000 | 128 | no reference | no reference | no reference | 300 | - |", markdown);
    }
}
