using SelfishGen.Data;

namespace SelfishGen.Tests.Data;

public class TensorDatasetTests
{
    [Fact]
    public void Uint8_images_load_as_floats_in_0_1_with_their_labels()
    {
        using var scope = NewDisposeScope();
        var images = tensor(new byte[] { 0, 255, 51, 102 }, [2, 1, 1, 2]);
        using var dataset = TensorDataset.Create(images, tensor(new long[] { 1, 0 }));

        Assert.Equal(new ImageShape(1, 1, 2), dataset.Shape);
        Assert.Equal(["0", "1"], dataset.ClassNames);
        Assert.Equal(1, dataset.Label(0));
        Assert.Equal([0.2f, 0.4f, 0f, 1f], dataset.LoadImages([1, 0]).data<float>().ToArray());
    }

    [Fact]
    public void Float_images_are_copied_and_unlabelled_when_no_labels_are_given()
    {
        using var scope = NewDisposeScope();
        var images = full([3, 2, 2, 2], 0.5f);
        using var dataset = TensorDataset.Create(images);
        images.fill_(0f);

        Assert.Empty(dataset.ClassNames);
        Assert.Equal(-1, dataset.Label(2));
        Assert.All(dataset.LoadImages([2]).data<float>().ToArray(), v => Assert.Equal(0.5f, v));
    }

    [Fact]
    public void Float_images_outside_0_1_and_non_NCHW_tensors_are_refused()
    {
        using var scope = NewDisposeScope();
        Assert.Throws<ArgumentException>(() => TensorDataset.Create(full([1, 1, 2, 2], 255f)));
        Assert.Throws<ArgumentException>(() => TensorDataset.Create(zeros([2, 2, 2])));
    }
}
