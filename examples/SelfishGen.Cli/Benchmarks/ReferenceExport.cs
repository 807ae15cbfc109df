using System.Text.Json;
using System.Text.Json.Serialization;
using SelfishGen.Data;

namespace SelfishGen.Cli.Benchmarks;

/// <summary>
/// Writes what the PyTorch reference script (<c>examples/reference/selfish_step.py</c>) needs to run the same step:
/// the method's initial parameters and the inputs as raw little-endian float32, and a JSON manifest. The inputs are the
/// image batches, which the script's step transforms itself (RotateNet rotates them), or, for a method that draws
/// random views, each step's views (<see cref="StepViews"/>): the script does not reimplement our augmentations.
/// </summary>
public static class ReferenceExport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Writes the files into <paramref name="folder"/>; returns the manifest's path.</summary>
    /// <param name="folder">Where to write.</param>
    /// <param name="method">The method, with its initial weights.</param>
    /// <param name="spec">Which method and overrides.</param>
    /// <param name="speedCase">Backbone, shape and batch size.</param>
    /// <param name="inputs">The input batches, (batches × batch, C, H, W), in the order the steps use them.</param>
    /// <param name="views">Each step's views, written instead of <paramref name="inputs"/>; null for a method without views.</param>
    /// <param name="steps">Steps to run.</param>
    /// <param name="learningRate">Adam's learning rate.</param>
    /// <param name="threads">Intra-op threads.</param>
    public static string Write(string folder, SelfSupervisedMethod method, MethodSpec spec, SpeedCase speedCase, torch.Tensor inputs, StepViews? views, int steps, double learningRate, int threads)
    {
        Directory.CreateDirectory(folder);
        var weightsFile = Path.Combine(folder, "weights.f32");
        var inputFile = Path.Combine(folder, "inputs.f32");
        var parameters = method.named_parameters().ToList();
        WriteFloats(weightsFile, parameters.Select(p => p.parameter));
        WriteFloats(inputFile, views?.Views ?? [inputs]);
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
            learningRate,
            threads,
            weightsFile,
            inputFile,
            parameters = parameters.Select(p => new { name = p.name, shape = p.parameter.shape }),
        };
        var path = Path.Combine(folder, "manifest.json");
        File.WriteAllText(path, JsonSerializer.Serialize(manifest, Json));
        return path;
    }

    private static void WriteFloats(string path, IEnumerable<torch.Tensor> tensors)
    {
        using var file = File.Create(path);
        foreach (var tensor in tensors)
        {
            using var flat = tensor.detach().cpu().to(torch.float32).contiguous();
            file.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(flat.data<float>().ToArray().AsSpan()));
        }
    }
}
