using SelfishGen.Data;

namespace SelfishGen.Tests.Data;

public class BundledSampleTests
{
    [Fact]
    public void The_sample_holds_1000_images_of_each_of_the_10_Fashion_MNIST_classes_at_1x28x28()
    {
        var sample = BundledSample.FashionMnist();

        Assert.Equal(10000, sample.Count);
        Assert.Equal(new ImageShape(1, 28, 28), sample.Shape);
        Assert.Equal(StandardClassNames.FashionMnist, sample.ClassNames);
        Assert.All(Enumerable.Range(0, sample.Count).GroupBy(sample.Label), g => Assert.Equal(1000, g.Count()));
        Assert.Equal(10, Enumerable.Range(0, sample.Count).Select(sample.Label).Distinct().Count());
        using var images = sample.LoadImages([0, 9999]);
        Assert.InRange(images.mean().item<float>(), 0.05f, 0.95f);
    }

    [Fact]
    public void The_licence_notice_ships_with_the_sample()
    {
        Assert.Contains("Copyright (c) 2017 Zalando SE", BundledSample.Notice);
    }
}
