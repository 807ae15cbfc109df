using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SelfishGen.Data;
using SelfishGen.Modules;
using static TorchSharp.torch;

namespace SelfishGen.Evaluation;

/// <summary>
/// Keeps the evaluation rows that training does not change (an encoder at random init, raw pixels), so that a table
/// of many trained encoders on the same data computes each of them once: in memory, and in <see cref="Folder"/> when
/// one is given, where later processes (one per method, a resumed run) find them. A row is looked up by a SHA-256 key
/// of its name, the encoder's type, parameters and buffers, every image and label of both splits, the settings, the
/// SelfishGen and TorchSharp builds and the intra-op thread count: anything that could change the row computes it afresh.
/// </summary>
public sealed class BaselineRowCache
{
    private readonly Dictionary<string, EvaluationRow> _rows = [];
    private readonly ConditionalWeakTable<IImageDataset, byte[]> _datasetDigests = [];

    /// <summary>A cache in memory, and in <paramref name="folder"/> (created when first written) unless it is null.</summary>
    public BaselineRowCache(string? folder = null) => Folder = folder;

    /// <summary>The folder rows are kept in across processes, one JSON file each; null for memory only.</summary>
    public string? Folder { get; }

    /// <summary>Rows computed so far because neither memory nor the folder held them.</summary>
    public int Computed { get; private set; }

    /// <summary>Rows found so far in memory or in the folder.</summary>
    public int Reused { get; private set; }

    /// <summary>
    /// The row <paramref name="name"/> of <paramref name="encoder"/> on these splits and settings: the kept one, or
    /// the one <paramref name="compute"/> gives, then kept.
    /// </summary>
    internal EvaluationRow GetOrCompute(
        string name, nn.Module encoder, IImageDataset train, IImageDataset test, EncoderEvaluationOptions options, Func<EvaluationRow> compute)
    {
        var key = Key(name, encoder, train, test, options);
        if (_rows.TryGetValue(key, out var row) || TryRead(key, name, out row))
        {
            Reused++;
        }
        else
        {
            row = compute();
            Computed++;
            Write(key, row);
        }
        _rows[key] = row;
        return row;
    }

    private string Key(string name, nn.Module encoder, IImageDataset train, IImageDataset test, EncoderEvaluationOptions options)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var settings = JsonSerializer.Serialize(options with { LinearProbe = options.LinearProbe ?? new LinearProbeOptions() });
        // the thread count too: the probe's sums, and so a row's last digits, can change with it
        var runtime = $"{typeof(BaselineRowCache).Assembly.ManifestModule.ModuleVersionId}:{typeof(torch).Assembly.GetName().Version}:{get_num_threads()}";
        hash.AppendData(Encoding.UTF8.GetBytes($"{name};{encoder.GetType().FullName};{settings};{runtime};"));
        hash.AppendData(ModuleDigest.Of(encoder));
        hash.AppendData(_datasetDigests.GetValue(train, DatasetDigest.Of));
        hash.AppendData(_datasetDigests.GetValue(test, DatasetDigest.Of));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    // A file that is missing, unreadable or of another row counts as not kept.
    private bool TryRead(string key, string name, out EvaluationRow row)
    {
        row = null!;
        if (Folder is null || !File.Exists(PathOf(key)))
            return false;
        try
        {
            row = JsonSerializer.Deserialize<EvaluationRow>(File.ReadAllText(PathOf(key)), EvaluationReport.Json)!;
            return row?.Encoder == name;
        }
        catch (Exception error) when (error is JsonException or IOException)
        {
            return false;
        }
    }

    private void Write(string key, EvaluationRow row)
    {
        if (Folder is not null)
            CheckpointFile.WriteAtomically(PathOf(key), stream => JsonSerializer.Serialize(stream, row, EvaluationReport.Json));
    }

    private string PathOf(string key) => Path.Combine(Folder!, key + ".json");
}
