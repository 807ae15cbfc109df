using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using SelfishGen.Data;

namespace SelfishGen;

/// <summary>
/// The content of a checkpoint file: which method with which options on which data, where training stands, every
/// module tensor (parameters and buffers: heads, momentum encoders, queues, memory banks) and the optimizer's state.
/// </summary>
internal sealed record Checkpoint(CheckpointHeader Header, byte[] Modules, byte[] Optimizer)
{
    private static readonly byte[] Magic = "SELFISH\u0001"u8.ToArray();

    internal static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = false,
        Converters = { new JsonStringEnumConverter() },
    };

    public void Write(Stream stream)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        var header = JsonSerializer.SerializeToUtf8Bytes(Header, Json);
        writer.Write(header.Length);
        writer.Write(header);
        writer.Write(Modules.LongLength);
        writer.Write(Modules);
        writer.Write(Optimizer.LongLength);
        writer.Write(Optimizer);
    }

    public static Checkpoint Read(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"No checkpoint at '{path}'. Train first, or pass the name used when training (e.g. store/base).", path);
        using var reader = new BinaryReader(File.OpenRead(path));
        if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
            throw new InvalidDataException($"'{path}' is not a SelfishGen checkpoint.");
        var header = JsonSerializer.Deserialize<CheckpointHeader>(reader.ReadBytes(reader.ReadInt32()), Json)
                     ?? throw new InvalidDataException($"'{path}' has an empty header.");
        var modules = reader.ReadBytes(checked((int)reader.ReadInt64()));
        var optimizer = reader.ReadBytes(checked((int)reader.ReadInt64()));
        return new Checkpoint(header, modules, optimizer);
    }
}

/// <summary>The JSON header of a checkpoint.</summary>
internal sealed record CheckpointHeader(
    string Method,
    JsonElement Options,
    DatasetInfo Data,
    TrainingState State,
    string? Optimizer);
