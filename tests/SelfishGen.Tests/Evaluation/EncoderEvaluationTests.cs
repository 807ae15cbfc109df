using SelfishGen.Data;
using SelfishGen.Evaluation;
using SelfishGen.Modules;
using SelfishGen.Tests.Data;

namespace SelfishGen.Tests.Evaluation;

public class EncoderEvaluationTests
{
    private static readonly ImageShape Shape = new(1, 8, 8);
    private static readonly EncoderEvaluationOptions Quick = new(BatchSize: 16, LinearProbe: new LinearProbeOptions(Epochs: 5));

    [Fact]
    public void A_tiny_dataset_gives_one_row_for_each_encoder_and_raw_pixels()
    {
        using var tiny = new TinyComparison();

        var report = tiny.Compare();

        Assert.Equal(
            [EncoderEvaluation.Trained, EncoderEvaluation.RandomInit, EncoderEvaluation.RawPixels],
            report.Rows.Select(row => row.Encoder));
        Assert.All(report.Rows, row => Assert.InRange(row.Knn200, 0, 1));
        Assert.NotNull(report.Rows[0].Linear);
        Assert.NotNull(report.Rows[1].Linear);
        Assert.Null(report.Rows[2].Linear);
        Assert.Equal(1.0, report.Rows[2].Knn20); // the classes are distinct patterns under little noise

        var lines = report.ToTable().TrimEnd().Split(Environment.NewLine);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("encoder", lines[0]);
        Assert.Contains("kNN@200", lines[0]);
        Assert.StartsWith(EncoderEvaluation.RawPixels, lines[3]);
        Assert.EndsWith(" -", lines[3]);
    }

    [Fact]
    public void The_raw_pixel_row_computed_alone_is_the_one_compare_gives()
    {
        using var tiny = new TinyComparison();

        Assert.Equal(EncoderEvaluation.RawPixelBaseline(tiny.Train, tiny.Test, Quick), tiny.Compare().Rows[2]);
    }

    [Fact]
    public void Baseline_rows_are_computed_once_then_reused_in_memory_and_from_the_folder_and_recomputed_when_weights_or_data_change()
    {
        using var tiny = new TinyComparison();
        using var folder = new TempFolder();
        var uncached = tiny.Compare();

        var cache = new BaselineRowCache(folder.Path);
        var first = tiny.Compare(cache);
        var again = tiny.Compare(cache);
        var otherProcess = new BaselineRowCache(folder.Path);
        var fromFiles = tiny.Compare(otherProcess);

        Assert.Equal(uncached.Rows, first.Rows);
        Assert.Equal(uncached.Rows, again.Rows);
        Assert.Equal(uncached.Rows, fromFiles.Rows);
        Assert.Equal((2, 2), (cache.Computed, cache.Reused));
        Assert.Equal((0, 2), (otherProcess.Computed, otherProcess.Reused));
        Assert.Equal(2, Directory.GetFiles(folder.Path, "*.json").Length);

        using (torch.no_grad())
            tiny.Random.parameters().First().add_(torch.ones(1));
        var changedWeights = new BaselineRowCache(folder.Path);
        tiny.Compare(changedWeights);
        Assert.Equal((1, 1), (changedWeights.Computed, changedWeights.Reused)); // raw pixels still reused

        using var otherTest = InMemoryImageDataset.Clustered(20, 4, Shape, patternSeed: 1, noiseSeed: 4);
        var changedData = new BaselineRowCache(folder.Path);
        EncoderEvaluation.Compare(tiny.Trained, tiny.Random, tiny.Train, otherTest, Quick, changedData);
        Assert.Equal((2, 0), (changedData.Computed, changedData.Reused));
    }

    [Fact]
    public void A_kept_row_that_is_corrupt_or_of_another_row_is_computed_again()
    {
        using var tiny = new TinyComparison();
        using var folder = new TempFolder();
        var expected = tiny.Compare(new BaselineRowCache(folder.Path)).Rows;
        var files = Directory.GetFiles(folder.Path, "*.json");
        File.WriteAllText(files[0], "{ \"encoder\": ");
        File.WriteAllText(files[1], new EvaluationReport([new EvaluationRow("pre-trained", 0.5, 0.5, 0.5)]).ToJson());

        var cache = new BaselineRowCache(folder.Path);
        var rows = tiny.Compare(cache).Rows;

        Assert.Equal(expected, rows);
        Assert.Equal((2, 0), (cache.Computed, cache.Reused));
    }

    [Fact]
    public void Encoders_of_different_architectures_or_one_instance_twice_are_rejected()
    {
        using var trained = new ConvNet(Shape, width: 4);
        using var wider = new ConvNet(Shape, width: 8);
        using var train = InMemoryImageDataset.Clustered(8, 2, Shape, patternSeed: 1, noiseSeed: 2);

        Assert.Throws<ArgumentException>(() => EncoderEvaluation.Compare(trained, wider, train, train, Quick));
        Assert.Throws<ArgumentException>(() => EncoderEvaluation.Compare(trained, trained, train, train, Quick));
    }

    // Two tiny ConvNets and 4 classes of distinct 8×8 patterns under little noise: 40 training and 20 test images.
    private sealed class TinyComparison : IDisposable
    {
        public ConvNet Trained { get; } = new(Shape, width: 4);

        public ConvNet Random { get; } = new(Shape, width: 4);

        public InMemoryImageDataset Train { get; } = InMemoryImageDataset.Clustered(40, 4, Shape, patternSeed: 1, noiseSeed: 2);

        public InMemoryImageDataset Test { get; } = InMemoryImageDataset.Clustered(20, 4, Shape, patternSeed: 1, noiseSeed: 3);

        public EvaluationReport Compare(BaselineRowCache? baselines = null) =>
            EncoderEvaluation.Compare(Trained, Random, Train, Test, Quick, baselines);

        public void Dispose()
        {
            Trained.Dispose();
            Random.Dispose();
            Train.Dispose();
            Test.Dispose();
        }
    }
}
