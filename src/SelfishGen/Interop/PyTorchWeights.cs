using System.Collections;
using SelfishGen.Modules;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace SelfishGen.Interop;

/// <summary>
/// A backbone's weights as a PyTorch state-dict file (the format of <c>torch.save(model.state_dict(), path)</c>, read by
/// <c>torch.load(path)</c>), with torchvision's parameter names for <see cref="ResNet18"/> and
/// <see cref="EfficientNetB0"/>: the file loads with <c>strict=True</c> into <c>torchvision.models.resnet18()</c> whose
/// <c>conv1</c>, <c>maxpool</c> and <c>fc</c> are replaced by the CIFAR stem and identities, and into
/// <c>torchvision.models.efficientnet_b0()</c> whose <c>classifier</c> is an identity (<c>docs/pytorch.md</c>).
/// </summary>
public static class PyTorchWeights
{
    private const int NamesShown = 8;

    /// <summary>
    /// Writes <paramref name="backbone"/>'s parameters and buffers to <paramref name="path"/> under their PyTorch names,
    /// on the CPU; the file is written beside the target and renamed into place.
    /// </summary>
    public static void Export(Backbone backbone, string path)
    {
        var entries = backbone.state_dict(); // the module's own tensors: outside the scope, which disposes copies only
        using var scope = NewDisposeScope();
        var state = new Dictionary<string, Tensor>();
        foreach (var (key, tensor) in entries)
            state[PyTorchNames.Of(backbone, key)] = tensor.detach().cpu();
        CheckpointFile.WriteAtomically(path, stream => PyTorchPickler.PickleStateDict(stream, state, leaveOpen: true));
    }

    /// <summary>
    /// Copies the tensors of the PyTorch state-dict file <paramref name="path"/> into <paramref name="backbone"/>, matched
    /// by PyTorch name (a torchvision classifier in the file is ignored). With <paramref name="strict"/>, anything but an
    /// exact match (<see cref="WeightImport.IsExact"/>) throws <see cref="InvalidDataException"/> and changes nothing;
    /// without, the tensors that match by name and shape are loaded and the rest is reported.
    /// </summary>
    public static WeightImport Import(Backbone backbone, string path, bool strict = true)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"No PyTorch weights file at '{path}'.", path);
        var targets = backbone.state_dict().ToDictionary(entry => PyTorchNames.Of(backbone, entry.Key), entry => entry.Value);
        using var scope = NewDisposeScope();
        var file = Read(path);

        var result = new WeightImport(
            Loaded: [.. targets.Keys.Where(name => file.TryGetValue(name, out var source) && SameShape(source, targets[name]))],
            Missing: [.. targets.Keys.Where(name => !file.ContainsKey(name))],
            Mismatched: [.. targets.Keys.Where(name => file.TryGetValue(name, out var source) && !SameShape(source, targets[name]))
                .Select(name => $"{name}: {Shape(file[name])} in the file vs {Shape(targets[name])}")],
            Unexpected: [.. file.Keys.Where(name => !targets.ContainsKey(name) && !PyTorchNames.IsClassifier(backbone, name))]);
        if (strict && !result.IsExact)
            throw new InvalidDataException($"'{path}' does not fit {backbone.GetName()}: {Describe(result)}.");

        using (no_grad())
        {
            foreach (var name in result.Loaded)
                targets[name].copy_(file[name]);
        }
        return result;
    }

    /// <summary>A one-line account of what did not match, for messages.</summary>
    public static string Describe(WeightImport import)
    {
        static string? Part(string what, IReadOnlyList<string> names) => names.Count == 0 ? null
            : $"{names.Count} {what} ({string.Join(", ", names.Take(NamesShown))}{(names.Count > NamesShown ? ", ..." : "")})";
        var parts = new[] { Part("missing", import.Missing), Part("of another shape", import.Mismatched), Part("unexpected", import.Unexpected) }
            .OfType<string>().ToList();
        return parts.Count == 0 ? $"all {import.Loaded.Count} tensors match" : $"{import.Loaded.Count} tensors match, " + string.Join("; ", parts);
    }

    private static Dictionary<string, Tensor> Read(string path)
    {
        Hashtable table;
        try
        {
            using var stream = File.OpenRead(path);
            table = PyTorchUnpickler.UnpickleStateDict(stream);
        }
        catch (Exception error) when (error is not IOException and not UnauthorizedAccessException)
        {
            throw new InvalidDataException(
                $"'{path}' is not a PyTorch state dict (a file of torch.save(model.state_dict(), path)): {error.Message}", error);
        }
        var tensors = new Dictionary<string, Tensor>();
        foreach (DictionaryEntry entry in table)
        {
            if (entry.Key is not string name || entry.Value is not Tensor tensor)
                throw new InvalidDataException($"'{path}' holds more than tensors by name: save model.state_dict(), not the model.");
            tensors[name] = tensor;
        }
        return tensors;
    }

    private static bool SameShape(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape);

    private static string Shape(Tensor tensor) => $"[{string.Join(", ", tensor.shape)}]";
}
