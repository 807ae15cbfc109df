using System.Text.Json;

namespace SelfishGen.Cli.Benchmarks;

/// <summary>Writes a benchmark report as <c>&lt;name&gt;.json</c> and <c>&lt;name&gt;.md</c>, and reads it back.</summary>
public static class ReportFiles
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Writes <paramref name="report"/> as JSON and <paramref name="markdown"/> into <paramref name="folder"/>.</summary>
    public static void Save<T>(string folder, string name, T report, string markdown)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, name + ".json"), JsonSerializer.Serialize(report, Json));
        File.WriteAllText(Path.Combine(folder, name + ".md"), markdown);
    }

    /// <summary>Writes <paramref name="value"/> as JSON to <paramref name="path"/> through a temporary file, so that a stop never leaves half of it.</summary>
    public static void SaveJsonAtomically<T>(string path, T value) =>
        CheckpointFile.WriteAtomically(path, stream => JsonSerializer.Serialize(stream, value, Json));

    /// <summary>Reads a JSON report that <see cref="Save"/> wrote.</summary>
    public static T Read<T>(string path) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"{path} holds no report.");
}
