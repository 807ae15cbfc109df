using System.Buffers.Binary;
using System.Security.Cryptography;

namespace SelfishGen;

/// <summary>
/// The layout of a checkpoint file: the magic bytes <c>SELFISH</c>, a format version byte, then the header, the module
/// tensors and the optimizer state, each as its length (int64, little-endian), its SHA-256 and its bytes, and nothing after them.
/// Reading checks every length against the file before allocating and every checksum, so a truncated, corrupt or foreign
/// file is refused with a message that names what is wrong.
/// </summary>
internal static class CheckpointSections
{
    /// <summary>The format version this library writes and reads.</summary>
    public const byte FormatVersion = 2;

    private static readonly byte[] Magic = "SELFISH"u8.ToArray();
    private static readonly string[] Names = ["header", "module tensors", "optimizer state"];
    private const int HashLength = 32;

    /// <summary>Writes the magic, the version and <paramref name="sections"/> (header, modules, optimizer).</summary>
    public static void Write(Stream stream, IReadOnlyList<byte[]> sections)
    {
        stream.Write(Magic);
        stream.WriteByte(FormatVersion);
        Span<byte> length = stackalloc byte[sizeof(long)];
        foreach (var section in sections)
        {
            BinaryPrimitives.WriteInt64LittleEndian(length, section.Length);
            stream.Write(length);
            stream.Write(SHA256.HashData(section));
            stream.Write(section);
        }
    }

    /// <summary>
    /// Reads the sections of <paramref name="path"/>, checking the layout of the whole file; the content and checksum of
    /// every section when <paramref name="wholeFile"/>, of the header only otherwise (the others are then empty).
    /// </summary>
    public static byte[][] Read(string path, bool wholeFile)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"No checkpoint at '{path}'. Train first, or pass the name used when training (e.g. store/RotateNet).", path);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        var preamble = ReadExactly(file, Magic.Length + 1, path, "the format version");
        if (!preamble.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw Invalid(path, "it is not a SelfishGen checkpoint (it does not start with 'SELFISH')");
        var version = preamble[^1];
        if (version != FormatVersion)
            throw Invalid(path, version < FormatVersion
                ? $"it is in format {version}, written by an earlier SelfishGen; this one reads format {FormatVersion}. Train again, or load it with the version that wrote it"
                : $"it is in format {version}, newer than this SelfishGen reads ({FormatVersion}). Update SelfishGen");

        var sections = new byte[Names.Length][];
        for (var s = 0; s < Names.Length; s++)
        {
            var lengthBytes = ReadExactly(file, sizeof(long), path, $"the length of its {Names[s]}");
            var length = BinaryPrimitives.ReadInt64LittleEndian(lengthBytes);
            var expectedHash = ReadExactly(file, HashLength, path, $"the checksum of its {Names[s]}");
            var remaining = file.Length - file.Position;
            if (length < 0 || length > remaining || length > Array.MaxLength)
                throw Invalid(path, $"its {Names[s]} declares {length} bytes but {remaining} remain: the file is truncated or corrupt");
            if (s > 0 && !wholeFile)
            {
                file.Seek(length, SeekOrigin.Current);
                sections[s] = [];
                continue;
            }
            sections[s] = ReadExactly(file, (int)length, path, $"its {Names[s]}");
            if (!SHA256.HashData(sections[s]).AsSpan().SequenceEqual(expectedHash))
                throw Invalid(path, $"the checksum of its {Names[s]} does not match: the file is corrupt");
        }
        if (file.Position != file.Length)
            throw Invalid(path, $"{file.Length - file.Position} unexpected bytes follow its last part: the file is corrupt");
        return sections;
    }

    private static byte[] ReadExactly(Stream stream, int count, string path, string what)
    {
        var bytes = new byte[count];
        var read = stream.ReadAtLeast(bytes, count, throwOnEndOfStream: false);
        if (read < count)
            throw Invalid(path, $"it ends before {what}: the file is truncated");
        return bytes;
    }

    private static InvalidDataException Invalid(string path, string reason) =>
        new($"'{path}' is not a valid checkpoint: {reason}.");
}
