using SelfishGen.Data;
using SelfishGen.Evaluation;
using SelfishGen.Modules;

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
    public void The_raw_pixel_row_computed_alone_is_the_one_compare_gives_and_a_known_row_is_used_as_it_is()
    {
        using var tiny = new TinyComparison();

        Assert.Equal(EncoderEvaluation.RawPixelBaseline(tiny.Train, tiny.Test, Quick), tiny.Compare().Rows[2]);

        var known = new EvaluationRow(EncoderEvaluation.RawPixels, 0.25, 0.5, null);
        Assert.Same(known, tiny.Compare(known).Rows[2]);
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
        private readonly ConvNet _trained = new(Shape, width: 4);
        private readonly ConvNet _random = new(Shape, width: 4);

        public InMemoryImageDataset Train { get; } = InMemoryImageDataset.Clustered(40, 4, Shape, patternSeed: 1, noiseSeed: 2);

        public InMemoryImageDataset Test { get; } = InMemoryImageDataset.Clustered(20, 4, Shape, patternSeed: 1, noiseSeed: 3);

        public EvaluationReport Compare(EvaluationRow? rawPixels = null) =>
            EncoderEvaluation.Compare(_trained, _random, Train, Test, Quick, rawPixels);

        public void Dispose()
        {
            _trained.Dispose();
            _random.Dispose();
            Train.Dispose();
            Test.Dispose();
        }
    }
}
