using System.Buffers.Binary;
using System.IO.Compression;

namespace SelfishGen.Tests.Data;

/// <summary>Writes IDX files (uint8) for tests.</summary>
internal static class IdxFiles
{
    public const int ImagesMagic = 0x0803;
    public const int LabelsMagic = 0x0801;

    /// <summary>Writes images (N, H, W) and labels (N) as '{prefix}-images-idx3-ubyte' and '{prefix}-labels-idx1-ubyte'.</summary>
    public static (string Images, string Labels) WritePair(string folder, string prefix, byte[][] images, int height, int width,
        byte[] labels, bool gzip)
    {
        var extension = gzip ? ".gz" : "";
        var imagesPath = Path.Combine(folder, $"{prefix}-images-idx3-ubyte{extension}");
        var labelsPath = Path.Combine(folder, $"{prefix}-labels-idx1-ubyte{extension}");
        Write(imagesPath, ImagesMagic, [images.Length, height, width], images.SelectMany(i => i).ToArray(), gzip);
        Write(labelsPath, LabelsMagic, [labels.Length], labels, gzip);
        return (imagesPath, labelsPath);
    }

    /// <summary>Writes one IDX file with the given magic number, dimensions and values.</summary>
    public static void Write(string path, int magic, int[] dimensions, byte[] values, bool gzip)
    {
        var bytes = new byte[4 + 4 * dimensions.Length + values.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        for (var d = 0; d < dimensions.Length; d++)
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + 4 * d), dimensions[d]);
        values.CopyTo(bytes, 4 + 4 * dimensions.Length);
        using var file = File.Create(path);
        using var output = gzip ? new GZipStream(file, CompressionLevel.Fastest) : (Stream)file;
        output.Write(bytes);
    }

    /// <summary>N random images of H×W from a seed.</summary>
    public static byte[][] RandomImages(int count, int height, int width, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ =>
        {
            var image = new byte[height * width];
            random.NextBytes(image);
            return image;
        }).ToArray();
    }
}
