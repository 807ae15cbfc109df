using System.Text.Json;

namespace SelfishGen.Cli;

/// <summary>What <c>selfish train</c> writes to <c>&lt;store&gt;.train.json</c>: the run's losses and the kNN monitor's readings.</summary>
/// <param name="Method">The method trained.</param>
/// <param name="Data">The data path, and what was trained on.</param>
/// <param name="TrainImages">Images pre-trained on.</param>
/// <param name="Seed">The run's seed.</param>
/// <param name="FirstStep">The step this call started from (0 unless resumed).</param>
/// <param name="Seconds">Wall-clock time of the call to Supervise, monitor readings and checkpoint included.</param>
/// <param name="ImagesPerSecond">Training throughput.</param>
/// <param name="StepLosses">Loss of every step of this call, from <paramref name="FirstStep"/> on.</param>
/// <param name="EpochLosses">Mean loss of every epoch this call finished.</param>
/// <param name="Monitor">The kNN monitor's readings, when it was on.</param>
public sealed record TrainingRun(
    string Method,
    string Data,
    int TrainImages,
    int Seed,
    long FirstStep,
    double Seconds,
    double ImagesPerSecond,
    IReadOnlyList<float> StepLosses,
    IReadOnlyList<double> EpochLosses,
    MonitorLog? Monitor)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The path of the JSON file of the checkpoint <paramref name="store"/>, with <paramref name="extension"/> (".train.json", ".train.png").</summary>
    public static string PathOf(string store, string extension) => CheckpointFile.PathOf(store)[..^CheckpointFile.Extension.Length] + extension;

    /// <summary>Writes the run as indented JSON to <paramref name="path"/>.</summary>
    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, JsonSerializer.Serialize(this, Json));
    }

    /// <summary>Reads a run written by <see cref="Save"/>.</summary>
    public static TrainingRun Load(string path) =>
        JsonSerializer.Deserialize<TrainingRun>(File.ReadAllText(path), Json) ?? throw new JsonException($"{path} holds no training run.");
}
