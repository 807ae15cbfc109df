using System.Buffers.Binary;
using System.IO.Compression;

namespace SelfishGen.Data;

/// <summary>The dimensions and uint8 values of one IDX file.</summary>
internal sealed record IdxArray(int[] Dimensions, byte[] Values);

/// <summary>Reads IDX files of unsigned bytes (the MNIST format), gzipped or raw.</summary>
internal static class IdxReader
{
    /// <summary>Magic number of a uint8 IDX file of 3 dimensions: images (N, H, W).</summary>
    public const int ImagesMagic = 0x0803;

    /// <summary>Magic number of a uint8 IDX file of 1 dimension: labels (N).</summary>
    public const int LabelsMagic = 0x0801;

    /// <summary>The largest image side an IDX file may declare.</summary>
    public const int MaxSide = 1 << 14;

    /// <summary>Reads the file at <paramref name="path"/>, which must have the magic number <paramref name="magic"/>.</summary>
    public static IdxArray Read(string path, int magic)
    {
        using var file = File.OpenRead(path);
        return Read(file, path, magic);
    }

    /// <summary>
    /// Reads a seekable <paramref name="stream"/> (gzip is detected from its first bytes); <paramref name="name"/> names
    /// it in errors.
    /// </summary>
    public static IdxArray Read(Stream stream, string name, int magic)
    {
        using var gzip = IsGzip(stream) ? new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true) : null;
        return ReadContent(gzip ?? stream, name, magic);
    }

    private static IdxArray ReadContent(Stream content, string name, int magic)
    {
        var header = ReadBytes(content, 4, name, "the magic number");
        var found = BinaryPrimitives.ReadInt32BigEndian(header);
        if (found != magic)
            throw new InvalidDataException(
                $"'{name}' is not an IDX file of {Kind(magic)}: its magic number is 0x{found:X8}, expected 0x{magic:X8}.");
        var dimensions = new int[magic & 0xFF];
        var dimensionBytes = ReadBytes(content, 4 * dimensions.Length, name, "the dimensions");
        for (var d = 0; d < dimensions.Length; d++)
            dimensions[d] = BinaryPrimitives.ReadInt32BigEndian(dimensionBytes.AsSpan(4 * d));
        CheckDimensions(dimensions, name);
        var length = dimensions.Aggregate(1L, (product, size) => product * size);
        if (length > Array.MaxLength)
            throw new InvalidDataException($"'{name}' declares {length} values, more than one array can hold.");
        if (content.CanSeek && content.Length - content.Position < length)
            throw Truncated(name, content.Length - content.Position, length, $"{length} values");
        return new IdxArray(dimensions, ReadBytes(content, (int)length, name, $"{length} values"));
    }

    // Counts from 0, and image sides from 1 up to MaxSide, so that no product overflows and no size is absurd.
    private static void CheckDimensions(int[] dimensions, string name)
    {
        if (dimensions[0] < 0)
            throw new InvalidDataException($"'{name}' declares {dimensions[0]} items: the header is corrupt.");
        for (var d = 1; d < dimensions.Length; d++)
        {
            if (dimensions[d] is < 1 or > MaxSide)
                throw new InvalidDataException(
                    $"'{name}' declares an image side of {dimensions[d]} pixels (expected 1 to {MaxSide}): the header is corrupt.");
        }
    }

    private static string Kind(int magic) => magic == ImagesMagic ? "images (idx3-ubyte)" : "labels (idx1-ubyte)";

    private static bool IsGzip(Stream stream)
    {
        Span<byte> start = stackalloc byte[2];
        var read = stream.ReadAtLeast(start, 2, throwOnEndOfStream: false);
        stream.Seek(-read, SeekOrigin.Current);
        return read == 2 && start[0] == 0x1F && start[1] == 0x8B;
    }

    // Reads count bytes; from a stream of unknown length (gzip) in chunks, so a header that declares more than the
    // file holds fails at the end of the data instead of allocating it all up front.
    private static byte[] ReadBytes(Stream stream, int count, string name, string what)
    {
        const int Chunk = 1 << 24;
        var bytes = new byte[Math.Min(count, Chunk)];
        var read = 0;
        try
        {
            while (read < count)
            {
                if (read == bytes.Length)
                    Array.Resize(ref bytes, (int)Math.Min(count, 2L * bytes.Length));
                var got = stream.Read(bytes, read, bytes.Length - read);
                if (got == 0)
                    break;
                read += got;
            }
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"'{name}' is not a valid gzip file: {e.Message}", e);
        }
        if (read < count)
            throw Truncated(name, read, count, what);
        return bytes;
    }

    private static InvalidDataException Truncated(string name, long read, long count, string what) =>
        new($"'{name}' is truncated: it ends after {read} of the {count} bytes of {what}. Download or copy it again.");
}
