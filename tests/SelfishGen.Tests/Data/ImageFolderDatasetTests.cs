using SelfishGen.Data;

namespace SelfishGen.Tests.Data;

public class ImageFolderDatasetTests
{
    [Fact]
    public void A_pure_red_png_gives_channel_0_one_and_the_others_zero_as_float_NCHW()
    {
        using var folder = new TempFolder();
        TestImages.Save(folder.File("red.png"), TestImages.Red, width: 5, height: 3);

        var dataset = ImageFolderDataset.Load(folder.Path);

        Assert.Equal(new ImageShape(3, 3, 5), dataset.Shape);
        using var images = dataset.LoadImages([0]);
        Assert.Equal([1L, 3, 3, 5], images.shape);
        Assert.Equal(torch.float32, images.dtype);
        Assert.All(images[0, 0].data<float>().ToArray(), v => Assert.Equal(1f, v));
        Assert.All(images[0, 1..].data<float>().ToArray(), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Images_directly_in_the_folder_are_unlabelled()
    {
        using var folder = new TempFolder();
        TestImages.Save(folder.File("a.png"), TestImages.Red);
        TestImages.Save(folder.File("b.jpg"), TestImages.Red);

        var dataset = ImageFolderDataset.Load(folder.Path);

        Assert.Equal(2, dataset.Count);
        Assert.Empty(dataset.ClassNames);
        Assert.Equal(-1, dataset.Label(1));
    }

    [Fact]
    public void Class_sub_folders_label_their_images_searched_recursively_in_ordinal_order()
    {
        using var folder = new TempFolder();
        TestImages.SaveClasses(folder, TestImages.Red, 2, "dog", "Cat");
        TestImages.Save(folder.File("dog", "puppies", "deep", "p.jpeg"), TestImages.Red);

        var dataset = ImageFolderDataset.Load(folder.Path);

        Assert.Equal(["Cat", "dog"], dataset.ClassNames);
        Assert.Equal([0, 0, 1, 1, 1], Enumerable.Range(0, dataset.Count).Select(dataset.Label));
    }

    [Fact]
    public void A_corrupt_file_is_skipped_and_counted()
    {
        using var folder = new TempFolder();
        TestImages.SaveClasses(folder, TestImages.Red, 2, "a", "b");
        var corrupt = folder.File("b", "broken.png");
        File.WriteAllText(corrupt, "not an image");

        var dataset = ImageFolderDataset.Load(folder.Path);

        Assert.Equal(4, dataset.Count);
        var skipped = Assert.Single(dataset.Skipped);
        Assert.Equal(corrupt, skipped.Path);
        Assert.False(string.IsNullOrWhiteSpace(skipped.Reason));
    }

    [Fact]
    public void An_empty_folder_is_an_error_naming_it()
    {
        using var folder = new TempFolder();

        var error = Assert.ThrowsAny<IOException>(() => ImageFolderDataset.Load(folder.Path));

        Assert.Contains(folder.Path, error.Message);
        Assert.Contains("sub-folder per class", error.Message);
    }

    [Fact]
    public void A_missing_folder_is_an_error_naming_it()
    {
        using var folder = new TempFolder();
        var missing = Path.Combine(folder.Path, "nowhere");

        var error = Assert.Throws<DirectoryNotFoundException>(() => ImageFolderDataset.Load(missing));

        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public void A_differing_size_names_the_file_and_the_fix_and_an_image_size_resizes_all()
    {
        using var folder = new TempFolder();
        TestImages.Save(folder.File("a.png"), TestImages.Red, 4, 4);
        var odd = folder.File("b.png");
        TestImages.Save(odd, TestImages.Red, 6, 2);

        var error = Assert.Throws<InvalidDataException>(() => ImageFolderDataset.Load(folder.Path));
        Assert.Contains(odd, error.Message);
        Assert.Contains("imageSize", error.Message);

        var resized = ImageFolderDataset.Load(folder.Path, imageSize: 3);
        Assert.Equal(new ImageShape(3, 3, 3), resized.Shape);
        using var images = resized.LoadImages([0, 1]);
        Assert.Equal(1f, images[.., 0].mean().item<float>(), 3);
    }

    [Fact]
    public void Gray_images_give_one_channel_unless_colour_is_asked_and_colour_images_three_unless_gray_is_asked()
    {
        using var grayFolder = new TempFolder();
        TestImages.Save(grayFolder.File("g.png"), TestImages.Gray);
        using var mixed = new TempFolder();
        TestImages.Save(mixed.File("g.png"), TestImages.Gray);
        TestImages.Save(mixed.File("r.png"), TestImages.Red);

        Assert.Equal(1, ImageFolderDataset.Load(grayFolder.Path).Shape.Channels);
        Assert.Equal(3, ImageFolderDataset.Load(grayFolder.Path, grayscale: false).Shape.Channels);
        Assert.Equal(3, ImageFolderDataset.Load(mixed.Path).Shape.Channels);
        var gray = ImageFolderDataset.Load(mixed.Path, grayscale: true);
        Assert.Equal(1, gray.Shape.Channels);
        using var images = gray.LoadImages([0, 1]);
        Assert.Equal(100f / 255f, images[0].mean().item<float>(), 4);
        Assert.Equal(76f / 255f, images[1].mean().item<float>(), 4); // 0.299 * 255
    }
}
