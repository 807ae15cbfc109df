using SelfishGen.Data;

namespace SelfishGen.Tests.Data;

public class IdxDatasetTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Images_and_labels_round_trip_exactly(bool gzip)
    {
        using var folder = new TempFolder();
        var images = IdxFiles.RandomImages(5, 3, 4, seed: 1);
        byte[] labels = [2, 0, 1, 2, 1];
        var (imagesPath, labelsPath) = IdxFiles.WritePair(folder.Path, "train", images, 3, 4, labels, gzip);

        var dataset = IdxDataset.FromFiles(imagesPath, labelsPath);

        Assert.Equal(5, dataset.Count);
        Assert.Equal(new ImageShape(1, 3, 4), dataset.Shape);
        Assert.Equal(["0", "1", "2"], dataset.ClassNames);
        Assert.Equal(labels.Select(l => (int)l), Enumerable.Range(0, 5).Select(dataset.Label));
        using var loaded = dataset.LoadImages([4, 0]);
        Assert.Equal([2L, 1, 3, 4], loaded.shape);
        Assert.Equal(torch.float32, loaded.dtype);
        Assert.Equal(images[4].Concat(images[0]).Select(b => b / 255f), loaded.data<float>().ToArray());
    }

    [Fact]
    public void Loading_a_batch_allocates_no_managed_memory_per_pixel()
    {
        using var folder = new TempFolder();
        var (imagesPath, labelsPath) = IdxFiles.WritePair(folder.Path, "train", IdxFiles.RandomImages(256, 64, 64, seed: 1), 64, 64, new byte[256], gzip: false);
        var dataset = IdxDataset.FromFiles(imagesPath, labelsPath);
        var indices = Enumerable.Range(0, 256).ToArray();
        dataset.LoadImages(indices).Dispose();

        var before = GC.GetAllocatedBytesForCurrentThread();
        using var batch = dataset.LoadImages(indices);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // What a loader thread allocates counts against the no-collection budget of the step beside it.
        Assert.True(allocated < 64 * 1024, $"{allocated} managed bytes allocated for a batch of {256 * 64 * 64} pixels");
    }

    [Fact]
    public void A_folder_gives_the_training_split_by_default_and_the_test_split_when_asked()
    {
        using var folder = new TempFolder();
        IdxFiles.WritePair(folder.Path, "train", IdxFiles.RandomImages(4, 2, 2, 1), 2, 2, [0, 1, 0, 1], gzip: true);
        IdxFiles.WritePair(folder.Path, "t10k", IdxFiles.RandomImages(2, 2, 2, 2), 2, 2, [1, 0], gzip: false);

        Assert.Equal(4, IdxDataset.Open(folder.Path).Count);
        Assert.Equal(2, IdxDataset.Open(folder.Path, "test").Count);
        Assert.Equal(2, IdxDataset.Open(folder.Path, "t10k").Count);
    }

    [Fact]
    public void Ten_classes_of_a_fashion_file_get_Fashion_MNIST_names_and_caller_names_win()
    {
        using var folder = new TempFolder();
        var (images, labels) = IdxFiles.WritePair(folder.Path, "fashion-train", IdxFiles.RandomImages(10, 2, 2, 3), 2, 2,
            Enumerable.Range(0, 10).Select(i => (byte)i).ToArray(), gzip: true);

        Assert.Equal("Ankle boot", IdxDataset.FromFiles(images, labels).ClassNames[9]);
        var named = IdxDataset.FromFiles(images, labels, Enumerable.Range(0, 10).Select(i => $"c{i}").ToArray());
        Assert.Equal("c9", named.ClassNames[9]);
    }

    [Fact]
    public void A_wrong_magic_number_names_the_file()
    {
        using var folder = new TempFolder();
        var (images, labels) = IdxFiles.WritePair(folder.Path, "train", IdxFiles.RandomImages(2, 2, 2, 1), 2, 2, [0, 1], gzip: false);

        var error = Assert.Throws<InvalidDataException>(() => IdxDataset.FromFiles(labels, images));

        Assert.Contains(labels, error.Message);
        Assert.Contains("magic number", error.Message);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_truncated_file_names_the_file(bool gzip)
    {
        using var folder = new TempFolder();
        var images = Path.Combine(folder.Path, "train-images-idx3-ubyte");
        IdxFiles.Write(images, IdxFiles.ImagesMagic, [3, 2, 2], new byte[10], gzip);
        var labels = Path.Combine(folder.Path, "train-labels-idx1-ubyte");
        IdxFiles.Write(labels, IdxFiles.LabelsMagic, [3], [0, 1, 0], gzip);

        var error = Assert.Throws<InvalidDataException>(() => IdxDataset.FromFiles(images, labels));

        Assert.Contains(images, error.Message);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void Different_image_and_label_counts_name_both_files()
    {
        using var folder = new TempFolder();
        var (images, labels) = IdxFiles.WritePair(folder.Path, "train", IdxFiles.RandomImages(3, 2, 2, 1), 2, 2, [0, 1], gzip: true);

        var error = Assert.Throws<InvalidDataException>(() => IdxDataset.FromFiles(images, labels));

        Assert.Contains(images, error.Message);
        Assert.Contains(labels, error.Message);
    }

    [Fact]
    public void A_folder_without_labels_for_its_images_says_what_is_missing()
    {
        using var folder = new TempFolder();
        IdxFiles.Write(Path.Combine(folder.Path, "train-images-idx3-ubyte"), IdxFiles.ImagesMagic, [1, 1, 1], [7], gzip: false);

        var error = Assert.Throws<FileNotFoundException>(() => IdxDataset.Open(folder.Path));

        Assert.Contains("train-labels-idx1-ubyte", error.Message);
    }
}
