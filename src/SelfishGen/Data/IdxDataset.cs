namespace SelfishGen.Data;

/// <summary>
/// Images and labels from IDX files, the format of MNIST and Fashion-MNIST (gzipped or raw), held in memory as uint8.
/// </summary>
public sealed class IdxDataset : InMemoryImageDataset
{
    private IdxDataset(PixelStore pixels, int[] labels, IReadOnlyList<string> classNames, string imagesName)
        : base(pixels, labels, classNames) => ImagesName = imagesName;

    /// <summary>The images file (or resource) the dataset was read from.</summary>
    public string ImagesName { get; }

    /// <summary>
    /// Reads the IDX files of <paramref name="split"/> in <paramref name="folder"/>: files named
    /// '&lt;prefix&gt;-images-idx3-ubyte[.gz]' and '&lt;prefix&gt;-labels-idx1-ubyte[.gz]'.
    /// </summary>
    /// <param name="folder">The folder holding the files.</param>
    /// <param name="split">"train", "t10k" (or "test"); when null, the training files, or the only pair in the folder.</param>
    /// <param name="classNames">Class names by label; when null, Fashion-MNIST's names for a Fashion-MNIST file
    /// (its path says "fashion") of 10 classes, otherwise "0", "1", ….</param>
    public static IdxDataset Open(string folder, string? split = null, IReadOnlyList<string>? classNames = null)
    {
        var (images, labels) = IdxFolder.Find(folder, split);
        return FromFiles(images, labels, classNames);
    }

    /// <summary>Reads an images file and its labels file.</summary>
    /// <inheritdoc cref="Open" path="/param[@name='classNames']" />
    public static IdxDataset FromFiles(string imagesPath, string labelsPath, IReadOnlyList<string>? classNames = null) =>
        Create(IdxReader.Read(imagesPath, IdxReader.ImagesMagic), imagesPath,
            IdxReader.Read(labelsPath, IdxReader.LabelsMagic), labelsPath, classNames);

    /// <summary>Reads images and labels from seekable streams; the names identify them in errors.</summary>
    internal static IdxDataset FromStreams(Stream images, string imagesName, Stream labels, string labelsName,
        IReadOnlyList<string>? classNames = null) =>
        Create(IdxReader.Read(images, imagesName, IdxReader.ImagesMagic), imagesName,
            IdxReader.Read(labels, labelsName, IdxReader.LabelsMagic), labelsName, classNames);

    private static IdxDataset Create(IdxArray images, string imagesName, IdxArray labels, string labelsName,
        IReadOnlyList<string>? classNames)
    {
        var (count, height, width) = (images.Dimensions[0], images.Dimensions[1], images.Dimensions[2]);
        if (labels.Dimensions[0] != count)
            throw new InvalidDataException(
                $"'{imagesName}' holds {count} images but '{labelsName}' holds {labels.Dimensions[0]} labels: use files of the same split.");
        var size = height * width;
        var pixels = new byte[count][];
        for (var i = 0; i < count; i++)
            pixels[i] = images.Values.AsSpan(i * size, size).ToArray();
        var labelValues = labels.Values.Select(b => (int)b).ToArray();
        var classCount = labelValues.Length == 0 ? 0 : labelValues.Max() + 1;
        var names = classNames ?? (classCount == StandardClassNames.FashionMnist.Count
                                   && imagesName.Contains("fashion", StringComparison.OrdinalIgnoreCase)
            ? StandardClassNames.FashionMnist
            : StandardClassNames.Numbered(classCount));
        return new IdxDataset(new PixelStore(new ImageShape(1, height, width), pixels), labelValues, names, imagesName);
    }
}
