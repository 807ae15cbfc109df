using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Metadata;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace SelfishGen.Data;

/// <summary>One decoded image: RGB planes (3, H, W), its size in the file, and whether every pixel is gray.</summary>
internal sealed record DecodedImage(byte[] Planes, Size SizeInFile, bool IsGray);

/// <summary>
/// Decodes one image file (any format ImageSharp reads) into RGB planes, optionally resized. The header is read first:
/// an image of more pixels than allowed is refused before anything is decoded (a small file can declare a huge image),
/// and of an animation only the first frame is decoded.
/// </summary>
internal static class ImageFileDecoder
{
    /// <summary>The default largest image, in pixels: 40 megapixels (an 8K frame has 33).</summary>
    public const long DefaultMaxPixels = 40_000_000;

    private static readonly Configuration FirstFrameOnly = CreateConfiguration();

    /// <summary>
    /// Decodes <paramref name="path"/>; resizes it to <paramref name="size"/> when given and different. Throws an
    /// <see cref="InvalidDataException"/> for a file that is not an image or declares more than <paramref name="maxPixels"/> pixels.
    /// </summary>
    public static DecodedImage Decode(string path, Size? size, long maxPixels = DefaultMaxPixels)
    {
        using var file = File.OpenRead(path);
        var info = Image.Identify(FirstFrameOnly, file)
                   ?? throw new InvalidDataException("not an image in a format ImageSharp reads");
        var pixels = (long)info.Width * info.Height;
        if (info.Width < 1 || info.Height < 1 || pixels > maxPixels)
            throw new InvalidDataException(
                $"its header declares {info.Width}x{info.Height} pixels; the limit is {maxPixels} (raise maxPixels to read it)");
        file.Position = 0;
        using var image = Image.Load<Rgb24>(FirstFrameOnly, file);
        var sizeInFile = image.Size();
        if (size is { } target && target != sizeInFile)
            image.Mutate(x => x.Resize(target));
        var planes = new byte[3 * image.Width * image.Height];
        var isGray = true;
        var n = image.Width * image.Height;
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    var (p, i) = (row[x], y * row.Length + x);
                    planes[i] = p.R;
                    planes[n + i] = p.G;
                    planes[2 * n + i] = p.B;
                    isGray &= p.R == p.G && p.G == p.B;
                }
            }
        });
        return new DecodedImage(planes, sizeInFile, isGray);
    }

    private static Configuration CreateConfiguration()
    {
        var configuration = Configuration.Default.Clone();
        configuration.ImageFormatsManager.SetDecoder(GifFormat.Instance, new GifDecoder { DecodingMode = FrameDecodingMode.First });
        return configuration;
    }

    /// <summary>The luminance plane (1, H, W) of RGB <paramref name="planes"/> (ITU-R BT.601 weights).</summary>
    public static byte[] ToGray(byte[] planes)
    {
        var n = planes.Length / 3;
        var gray = new byte[n];
        for (var i = 0; i < n; i++)
            gray[i] = (byte)((299 * planes[i] + 587 * planes[n + i] + 114 * planes[2 * n + i] + 500) / 1000);
        return gray;
    }
}
