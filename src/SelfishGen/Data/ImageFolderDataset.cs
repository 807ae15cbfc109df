using SixLabors.ImageSharp;

namespace SelfishGen.Data;

/// <summary>
/// Images decoded from a folder (JPEG, PNG, BMP, GIF, WebP) into memory as uint8, all of one size. Images directly in
/// the folder are unlabelled; a folder of class sub-folders is labelled by sub-folder (searched recursively).
/// Files that cannot be decoded, or declare more pixels than allowed (checked before decoding), are left out and listed
/// in <see cref="Skipped"/>.
/// </summary>
public sealed class ImageFolderDataset : InMemoryImageDataset
{
    private ImageFolderDataset(PixelStore pixels, int[]? labels, IReadOnlyList<string> classNames, string folder,
        IReadOnlyList<SkippedFile> skipped)
        : base(pixels, labels, classNames)
    {
        Folder = folder;
        Skipped = skipped;
    }

    /// <summary>The folder the images came from.</summary>
    public string Folder { get; }

    /// <summary>The files left out (undecodable, or outside any class sub-folder), with the reason.</summary>
    public IReadOnlyList<SkippedFile> Skipped { get; }

    /// <summary>Decodes every image of <paramref name="folder"/>, in parallel.</summary>
    /// <param name="folder">A folder of images, or of one sub-folder of images per class.</param>
    /// <param name="imageSize">Resize every image to this width and height; when null, every image must have the size
    /// of the first.</param>
    /// <param name="grayscale">true: 1 channel (luminance); false: 3 channels (RGB); null: 1 channel when every image
    /// is gray, otherwise 3.</param>
    /// <param name="maxPixels">The largest image, in pixels, that is decoded; larger ones are skipped. 40 megapixels by default.</param>
    public static ImageFolderDataset Load(string folder, int? imageSize = null, bool? grayscale = null, long maxPixels = ImageFileDecoder.DefaultMaxPixels)
    {
        if (imageSize is < 1)
            throw new ArgumentOutOfRangeException(nameof(imageSize), imageSize, "The image size must be at least 1.");
        var layout = ImageFolderLayout.Scan(folder);
        var images = new DecodedImage?[layout.Files.Count];
        var skipped = new SkippedFile?[layout.Files.Count];
        var target = imageSize is { } s ? new Size(s, s) : (Size?)null;

        // The first readable image sets the size when none is given, so it is decoded before the rest.
        var first = 0;
        while (first < images.Length && !TryDecode(first))
            first++;
        if (first == images.Length)
            throw new InvalidDataException(
                $"None of the {images.Length} images in '{folder}' could be read (first: '{skipped[0]!.Path}': {skipped[0]!.Reason}).");
        target ??= images[first]!.SizeInFile;
        Parallel.For(first + 1, images.Length, i => TryDecode(i));

        var kept = Enumerable.Range(0, images.Length).Where(i => images[i] is not null).ToList();
        var wrongSize = kept.FirstOrDefault(i => imageSize is null && images[i]!.SizeInFile != target, -1);
        if (wrongSize >= 0)
            throw new InvalidDataException(
                $"'{layout.Files[wrongSize]}' is {Describe(images[wrongSize]!.SizeInFile)} but '{layout.Files[first]}' is " +
                $"{Describe(target.Value)}: pass an image size (e.g. imageSize: {target.Value.Width}) to resize every image to one size.");

        var channels = grayscale switch
        {
            true => 1,
            false => 3,
            null => kept.All(i => images[i]!.IsGray) ? 1 : 3,
        };
        var pixels = kept.Select(i => channels == 1 ? ImageFileDecoder.ToGray(images[i]!.Planes) : images[i]!.Planes).ToArray();
        return new ImageFolderDataset(
            new PixelStore(new ImageShape(channels, target.Value.Height, target.Value.Width), pixels),
            layout.Labels is null ? null : kept.Select(i => layout.Labels[i]).ToArray(),
            layout.ClassNames,
            folder,
            [.. layout.Skipped, .. skipped.OfType<SkippedFile>()]);

        bool TryDecode(int i)
        {
            try
            {
                images[i] = ImageFileDecoder.Decode(layout.Files[i], target, maxPixels);
                return true;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Whatever a decoder throws on a damaged file (format errors, and on some damage index or argument
                // errors), the file is unreadable: it is skipped with the reason, never the end of the run.
                skipped[i] = new SkippedFile(layout.Files[i], e.Message);
                return false;
            }
        }
    }

    private static string Describe(Size size) => $"{size.Width}x{size.Height}";
}
