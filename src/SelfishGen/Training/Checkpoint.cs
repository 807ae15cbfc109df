using System.Text.Json;
using System.Text.Json.Serialization;
using SelfishGen.Data;

namespace SelfishGen;

/// <summary>
/// The content of a checkpoint file: which method with which options on which data, with which settings, where training
/// stands, every module tensor (parameters and buffers: heads, momentum encoders, queues, memory banks) and the
/// optimizer's state. The file layout (format version, length and checksum of each part) is <see cref="CheckpointSections"/>.
/// </summary>
internal sealed record Checkpoint(CheckpointHeader Header, byte[] Modules, byte[] Optimizer)
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = false,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Writes the checkpoint to <paramref name="stream"/>.</summary>
    public void Write(Stream stream) =>
        CheckpointSections.Write(stream, [JsonSerializer.SerializeToUtf8Bytes(Header, Json), Modules, Optimizer]);

    /// <summary>Reads and checks the whole checkpoint at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is not a checkpoint, or is truncated or corrupt.</exception>
    public static Checkpoint Read(string path)
    {
        var sections = CheckpointSections.Read(path, wholeFile: true);
        return new Checkpoint(ParseHeader(path, sections[0]), sections[1], sections[2]);
    }

    /// <summary>Reads and checks the header of the checkpoint at <paramref name="path"/>, and the layout of the rest.</summary>
    /// <inheritdoc cref="Read" path="/exception" />
    public static CheckpointHeader ReadHeader(string path) => ParseHeader(path, CheckpointSections.Read(path, wholeFile: false)[0]);

    private static CheckpointHeader ParseHeader(string path, byte[] json)
    {
        try
        {
            return JsonSerializer.Deserialize<CheckpointHeader>(json, Json) ?? throw new JsonException("empty header");
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"'{path}' has an unreadable header ({error.Message}).", error);
        }
    }
}

/// <summary>The JSON header of a checkpoint.</summary>
/// <param name="Method">The method's name.</param>
/// <param name="Options">The method's options.</param>
/// <param name="Data">Shape and size of the training data.</param>
/// <param name="State">Where training stands.</param>
/// <param name="Optimizer">The optimizer's type name, when its state is saved.</param>
/// <param name="Settings">The settings of the run that wrote it; null for a checkpoint saved outside training.</param>
internal sealed record CheckpointHeader(
    string Method,
    JsonElement Options,
    DatasetInfo Data,
    TrainingState State,
    string? Optimizer,
    TrainingSettings? Settings);
