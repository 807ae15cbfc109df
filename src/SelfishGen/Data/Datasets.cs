namespace SelfishGen.Data;

/// <summary>Opens a dataset from what a user names: a folder of IDX files, a folder of images, or "sample".</summary>
public static class Datasets
{
    /// <summary>The word that names the bundled Fashion-MNIST sample.</summary>
    public const string SampleName = "sample";

    /// <summary>
    /// Opens <paramref name="path"/>: the word "sample" gives <see cref="BundledSample.FashionMnist"/>; a folder holding
    /// '&lt;prefix&gt;-images-idx3-ubyte[.gz]' files gives an <see cref="IdxDataset"/> (e.g. the MNIST or Fashion-MNIST
    /// download); any other folder gives an <see cref="ImageFolderDataset"/>.
    /// </summary>
    /// <param name="path">A folder, or "sample".</param>
    /// <param name="imageSize">Resize every image to this width and height; when null, images keep their size.</param>
    /// <param name="grayscale">For image folders: true for 1 channel, false for 3, null for 1 when every image is gray.</param>
    /// <param name="split">For IDX folders: "train" (the default), "t10k" or "test".</param>
    public static IImageDataset Open(string path, int? imageSize = null, bool? grayscale = null, string? split = null)
    {
        if (string.Equals(path, SampleName, StringComparison.OrdinalIgnoreCase))
            return Resized(BundledSample.FashionMnist(), imageSize);
        if (IdxFolder.Contains(path))
            return Resized(IdxDataset.Open(path, split), imageSize);
        if (Directory.Exists(path))
            return ImageFolderDataset.Load(path, imageSize, grayscale);
        throw new DirectoryNotFoundException(
            $"No dataset at '{path}': it is not a folder. Looked for a folder of IDX files ({IdxFolder.Expected}), " +
            $"a folder of images ({string.Join(", ", ImageFolderLayout.Extensions)}, directly or in one sub-folder per " +
            $"class), or the word '{SampleName}' for the bundled Fashion-MNIST sample.");
    }

    private static IImageDataset Resized(IImageDataset dataset, int? imageSize) =>
        imageSize is not { } size || (dataset.Shape.Height == size && dataset.Shape.Width == size)
            ? dataset
            : new ResizedDataset(dataset, size, size);
}
