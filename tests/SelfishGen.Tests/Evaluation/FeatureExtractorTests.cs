using SelfishGen.Data;
using SelfishGen.Evaluation;
using SelfishGen.Modules;

namespace SelfishGen.Tests.Evaluation;

public class FeatureExtractorTests
{
    private static readonly ImageShape Shape = new(1, 8, 8);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_encoder_gets_its_training_flag_back(bool training)
    {
        using var encoder = new ConvNet(Shape, width: 4);
        using var dataset = InMemoryImageDataset.Clustered(10, 2, Shape, patternSeed: 1, noiseSeed: 2);
        encoder.train(training);

        using var features = FeatureExtractor.Extract(encoder, dataset, batchSize: 4);

        Assert.All(encoder.modules().Prepend(encoder), module => Assert.Equal(training, module.training));
    }

    [Fact]
    public void Features_equal_an_eval_mode_forward_and_come_with_the_labels_in_dataset_order()
    {
        using var scope = NewDisposeScope();
        using var encoder = new ConvNet(Shape, width: 4);
        using var dataset = InMemoryImageDataset.Clustered(10, 3, Shape, patternSeed: 1, noiseSeed: 2);
        TrainOneStepSoBatchNormStatisticsMatter(encoder, dataset);

        using var features = FeatureExtractor.Extract(encoder, dataset, batchSize: 4); // 4 + 4 + 2 images
        encoder.eval();
        using var direct = no_grad();
        var expected = encoder.call(dataset.LoadImages(Enumerable.Range(0, 10).ToArray()));

        Assert.Equal(float32, features.Features.dtype);
        Assert.Equal(DeviceType.CPU, features.Features.device_type);
        Assert.Equal(new long[] { 10, encoder.OutputFeatures }, features.Features.shape);
        Assert.True(expected.allclose(features.Features, rtol: 1e-4, atol: 1e-5));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)dataset.Label(i)), features.Labels.data<long>().ToArray());
    }

    [Fact]
    public void A_module_without_parameters_runs_on_the_cpu()
    {
        using var flatten = nn.Flatten();
        using var dataset = InMemoryImageDataset.Clustered(5, 2, Shape, patternSeed: 1, noiseSeed: 2);

        using var features = FeatureExtractor.Extract(flatten, dataset);

        Assert.Equal(new long[] { 5, 64 }, features.Features.shape);
    }

    [Fact]
    public void Non_finite_features_are_refused_with_how_many_images_they_are()
    {
        using var encoder = new ConvNet(Shape, width: 4);
        using var dataset = InMemoryImageDataset.Clustered(10, 2, Shape, patternSeed: 1, noiseSeed: 2);
        using (no_grad())
            encoder.parameters().First().fill_(float.NaN);

        var error = Assert.Throws<NonFiniteFeaturesException>(() => FeatureExtractor.Extract(encoder, dataset, batchSize: 4));

        Assert.Equal((10, 10), (error.NonFiniteImages, error.Images));
        Assert.Contains("NaN or infinite features for 10 of 10 images", error.Message);
    }

    private static void TrainOneStepSoBatchNormStatisticsMatter(ConvNet encoder, IImageDataset dataset)
    {
        using var scope = NewDisposeScope();
        encoder.train();
        encoder.call(dataset.LoadImages(Enumerable.Range(0, dataset.Count).ToArray())).sum().backward();
    }
}
