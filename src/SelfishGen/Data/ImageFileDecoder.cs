using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace SelfishGen.Data;

/// <summary>One decoded image: RGB planes (3, H, W), its size in the file, and whether every pixel is gray.</summary>
internal sealed record DecodedImage(byte[] Planes, Size SizeInFile, bool IsGray);

/// <summary>Decodes one image file (any format ImageSharp reads) into RGB planes, optionally resized.</summary>
internal static class ImageFileDecoder
{
    /// <summary>Decodes <paramref name="path"/>; resizes it to <paramref name="size"/> when given and different.</summary>
    public static DecodedImage Decode(string path, Size? size)
    {
        using var image = Image.Load<Rgb24>(path);
        var sizeInFile = image.Size();
        if (size is { } target && target != sizeInFile)
            image.Mutate(x => x.Resize(target));
        var pixels = new Rgb24[image.Width * image.Height];
        image.CopyPixelDataTo(pixels);
        var planes = new byte[3 * pixels.Length];
        var isGray = true;
        for (var i = 0; i < pixels.Length; i++)
        {
            var p = pixels[i];
            planes[i] = p.R;
            planes[pixels.Length + i] = p.G;
            planes[2 * pixels.Length + i] = p.B;
            isGray &= p.R == p.G && p.G == p.B;
        }
        return new DecodedImage(planes, sizeInFile, isGray);
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
