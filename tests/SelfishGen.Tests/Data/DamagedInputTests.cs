using System.Buffers.Binary;
using System.IO.Compression;
using SelfishGen.Data;
using SelfishGen.Tests.Methods;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace SelfishGen.Tests.Data;

/// <summary>
/// A seeded fuzz test of everything SelfishGen reads from disk: images (PNG, JPEG, BMP, GIF), IDX files (raw and
/// gzipped) and checkpoints, truncated at random lengths, with random bits flipped, and with headers that declare a huge
/// size. Each damaged file is skipped (images) or refused with an <see cref="InvalidDataException"/> that names it
/// (IDX files, checkpoints); nothing else escapes, nothing is allocated for a size the file does not hold.
/// </summary>
public sealed class DamagedInputTests : IDisposable
{
    private const int Variants = 40;
    private readonly TempFolder _folder = new();
    private readonly Random _random = new(20240613);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Damaged_images_are_skipped_with_a_reason_and_the_good_ones_load()
    {
        var good = 0;
        foreach (var extension in new[] { ".png", ".jpg", ".bmp", ".gif" })
        {
            var original = EncodedImage(extension);
            File.WriteAllBytes(_folder.File("images", $"good{extension}"), original);
            good++;
            foreach (var (name, damaged) in Damaged(original))
                File.WriteAllBytes(_folder.File("images", $"{name}{extension}"), damaged);
            File.WriteAllBytes(_folder.File("images", $"huge{extension}"), WithHugeSize(original, extension));
        }

        var dataset = ImageFolderDataset.Load(Path.Combine(_folder.Path, "images"), imageSize: 16);

        var files = Directory.GetFiles(Path.Combine(_folder.Path, "images")).Length;
        Assert.Equal(files, dataset.Count + dataset.Skipped.Count);
        Assert.True(dataset.Count >= good, $"{dataset.Count} images loaded, fewer than the {good} undamaged ones");
        Assert.All(dataset.Skipped, skipped => Assert.False(string.IsNullOrWhiteSpace(skipped.Reason)));
        foreach (var extension in new[] { ".png", ".jpg", ".bmp", ".gif" })
        {
            var huge = Assert.Single(dataset.Skipped, s => Path.GetFileName(s.Path) == $"huge{extension}");
            Assert.Contains("pixels; the limit is 40000000", huge.Reason);
        }
        using var pixels = dataset.LoadImages(Enumerable.Range(0, dataset.Count).ToArray());
        Assert.True(pixels.isfinite().all().item<bool>());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Damaged_idx_files_are_refused_naming_the_file(bool gzip)
    {
        var (images, labels) = IdxFiles.WritePair(_folder.Path, "train", IdxFiles.RandomImages(20, 8, 8, seed: 1), 8, 8,
            [.. Enumerable.Range(0, 20).Select(i => (byte)(i % 3))], gzip);
        var original = File.ReadAllBytes(images);
        var cases = Damaged(original).ToList();
        foreach (var dimensions in new[] { new[] { -1, 8, 8 }, [20, 0, 8], [20, 8, -8], [int.MaxValue, 1 << 14, 1 << 14], [1 << 30, 8, 8], [1_000_000, 28, 28] })
        {
            var header = Path.Combine(_folder.Path, "header");
            IdxFiles.Write(header, IdxFiles.ImagesMagic, dimensions, new byte[64], gzip);
            cases.Add(($"dimensions {string.Join("x", dimensions)}", File.ReadAllBytes(header)));
        }

        foreach (var (name, damaged) in cases)
        {
            File.WriteAllBytes(images, damaged);
            try
            {
                var dataset = IdxDataset.FromFiles(images, labels);
                Assert.Equal(20, dataset.Count); // damage the format cannot see (pixel values) still gives 20 images
            }
            catch (InvalidDataException error)
            {
                Assert.Contains(images, error.Message);
            }
            catch (Exception other)
            {
                Assert.Fail($"{name}: {other.GetType().Name}: {other.Message}");
            }
        }
    }

    [Fact]
    public void Damaged_checkpoints_are_refused_naming_the_file()
    {
        var name = Path.Combine(_folder.Path, "run");
        TinyMethods.Create("RotateNet", new RandomPatterns(32)).Supervise(epochs: 1, batchSize: 16, name: name);
        var path = CheckpointFile.PathOf(name);
        var original = File.ReadAllBytes(path);
        var huge = (byte[])original.Clone();
        BinaryPrimitives.WriteInt64LittleEndian(huge.AsSpan(8), long.MaxValue);

        foreach (var (variant, damaged) in Damaged(original).Append(("huge header length", huge)))
        {
            File.WriteAllBytes(path, damaged);
            var error = Record.Exception(() => TinyMethods.Create("RotateNet", new RandomPatterns(32)).Load(name));
            Assert.True(error is InvalidDataException, $"{variant}: {error?.GetType().Name}: {error?.Message}");
            Assert.Contains(path, error!.Message);
        }
    }

    // Truncated at random lengths, and with 1 to 8 random bits flipped.
    private IEnumerable<(string Name, byte[] Bytes)> Damaged(byte[] original)
    {
        for (var i = 0; i < Variants; i++)
            yield return ($"truncated{i}", original[.._random.Next(original.Length)]);
        for (var i = 0; i < Variants; i++)
        {
            var flipped = (byte[])original.Clone();
            for (var bit = _random.Next(1, 9); bit > 0; bit--)
                flipped[_random.Next(flipped.Length)] ^= (byte)(1 << _random.Next(8));
            yield return ($"flipped{i}", flipped);
        }
    }

    private byte[] EncodedImage(string extension)
    {
        using var image = new Image<Rgb24>(16, 16);
        for (var y = 0; y < 16; y++)
        for (var x = 0; x < 16; x++)
            image[x, y] = new Rgb24((byte)_random.Next(256), (byte)_random.Next(256), (byte)_random.Next(256));
        using var stream = new MemoryStream();
        image.Save(stream, Configuration.Default.ImageFormatsManager.FindFormatByFileExtension(extension.TrimStart('.'))!);
        return stream.ToArray();
    }

    // The same file with a header that declares 60,000 × 60,000 pixels (3.6 gigapixels): a decompression bomb.
    private static byte[] WithHugeSize(byte[] original, string extension)
    {
        const int Side = 60_000;
        var bytes = (byte[])original.Clone();
        switch (extension)
        {
            case ".png": // IHDR width and height, big-endian, then the chunk's CRC
                BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), Side);
                BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), Side);
                BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(29), Crc32(bytes.AsSpan(12, 17)));
                break;
            case ".bmp": // BITMAPINFOHEADER width and height, little-endian
                BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(18), Side);
                BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(22), Side);
                break;
            case ".gif": // logical screen width and height, little-endian
                BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(6), Side);
                BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), Side);
                break;
            case ".jpg": // the start-of-frame segment: height, then width, big-endian
                var frame = Enumerable.Range(0, bytes.Length - 1).First(i => bytes[i] == 0xFF && bytes[i + 1] is 0xC0 or 0xC2);
                BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(frame + 5), Side);
                BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(frame + 7), Side);
                break;
        }
        return bytes;
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
