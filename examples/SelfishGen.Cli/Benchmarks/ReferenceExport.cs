using System.Text.Json;
using System.Text.Json.Serialization;
using SelfishGen.Data;

namespace SelfishGen.Cli.Benchmarks;

/// <summary>
/// Writes what the PyTorch reference script (<c>examples/reference/selfish_step.py</c>) needs to run the same step:
/// the method's initial parameters and the inputs as raw little-endian float32, and a JSON manifest. The inputs are the
/// image batches, or, for a method that draws random views, each step's views (<see cref="StepViews"/>, with MoCo's key
/// permutations): the script does not reimplement our augmentations, but makes pretext inputs from them itself
/// (RotateNet rotates its view). Buffers the step reads (<see cref="Buffers"/>) follow the parameters.
/// </summary>
public static class ReferenceExport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The buffers the reference loads besides the parameters, where a method has them: MoCo's queue of keys.</summary>
    public static IReadOnlyList<string> Buffers { get; } = ["queue.keys"];

    /// <summary>Writes the files into <paramref name="folder"/>; returns the manifest's path.</summary>
    /// <param name="folder">Where to write.</param>
    /// <param name="method">The method, with its initial weights.</param>
    /// <param name="spec">Which method and overrides.</param>
    /// <param name="speedCase">Backbone, shape and batch size.</param>
    /// <param name="inputs">The input batches, (batches × batch, C, H, W), in the order the steps use them.</param>
    /// <param name="views">Each step's views, written instead of <paramref name="inputs"/>; null for a method without views.</param>
    /// <param name="steps">Steps to run.</param>
    /// <param name="totalSteps">Steps the training run is planned for: what schedules such as BYOL's momentum follow.</param>
    /// <param name="learningRate">Adam's learning rate.</param>
    /// <param name="threads">Intra-op threads.</param>
    public static string Write(string folder, SelfSupervisedMethod method, MethodSpec spec, SpeedCase speedCase, torch.Tensor inputs, StepViews? views, int steps, long totalSteps, double learningRate, int threads)
    {
        Directory.CreateDirectory(folder);
        var weightsFile = Path.Combine(folder, "weights.f32");
        var inputFile = Path.Combine(folder, "inputs.f32");
        var orderFile = Path.Combine(folder, "orders.i64");
        var parameters = method.named_parameters().ToList();
        var buffers = method.named_buffers().Where(b => Buffers.Contains(b.name)).ToList();
        WriteFloats(weightsFile, parameters.Select(p => p.parameter).Concat(buffers.Select(b => b.buffer)));
        WriteFloats(inputFile, views?.Views ?? [inputs]);
        var orders = views?.Orders ?? [];
        if (orders.Count > 0)
            WriteLongs(orderFile, orders);
        var manifest = new
        {
            method = spec.Name,
            options = (object)method.Hyperparameters,
            backbone = Modules.Backbones.Resolve(method.Hyperparameters.Backbone, speedCase.Shape).ToString(),
            shape = new[] { speedCase.Shape.Channels, speedCase.Shape.Height, speedCase.Shape.Width },
            batchSize = speedCase.BatchSize,
            batches = (int)(inputs.shape[0] / speedCase.BatchSize),
            inputs = views is null ? "images" : "views",
            views = views?.Count ?? 0,
            steps,
            totalSteps,
            dropConnect = SpeedCase.DropConnect,
            learningRate,
            threads,
            weightsFile,
            inputFile,
            orderFile = orders.Count > 0 ? orderFile : null,
            parameters = parameters.Select(p => new { name = p.name, shape = p.parameter.shape }),
            buffers = buffers.Select(b => new { name = b.name, shape = b.buffer.shape }),
        };
        var path = Path.Combine(folder, "manifest.json");
        File.WriteAllText(path, JsonSerializer.Serialize(manifest, Json));
        return path;
    }

    private static void WriteFloats(string path, IEnumerable<torch.Tensor> tensors) => Write<float>(path, tensors, torch.float32);

    private static void WriteLongs(string path, IEnumerable<torch.Tensor> tensors) => Write<long>(path, tensors, torch.int64);

    private static void Write<T>(string path, IEnumerable<torch.Tensor> tensors, torch.ScalarType type) where T : unmanaged
    {
        using var file = File.Create(path);
        foreach (var tensor in tensors)
        {
            using var flat = tensor.detach().cpu().to(type).contiguous();
            file.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(flat.data<T>().ToArray().AsSpan()));
        }
    }
}
