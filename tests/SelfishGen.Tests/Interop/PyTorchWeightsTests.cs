using System.Collections;
using SelfishGen.Data;
using SelfishGen.Interop;
using SelfishGen.Modules;
using SelfishGen.Tests.Data;
using SelfishGen.Tests.State;
using TorchSharp.PyBridge;
using Xunit.Abstractions;

namespace SelfishGen.Tests.Interop;

/// <summary>Backbone weights to and from PyTorch state-dict files, with torchvision's names.</summary>
public sealed class PyTorchWeightsTests(ITestOutputHelper log)
{
    private static readonly ImageShape Rgb = new(3, 32, 32);

    private static Backbone Build(string architecture, ImageShape? input = null) => architecture switch
    {
        "resnet18" => new ResNet18(input ?? Rgb),
        "efficientnet_b0" => new EfficientNetB0(input ?? Rgb),
        "efficientnet_b0_layer" => new EfficientNetB0(input ?? Rgb, NormKind.Layer),
        "convnet" => new ConvNet(input ?? new ImageShape(1, 28, 28)),
        _ => throw new ArgumentOutOfRangeException(nameof(architecture)),
    };

    [TorchvisionTheory]
    [InlineData("resnet18")]
    [InlineData("efficientnet_b0")]
    [InlineData("efficientnet_b0_layer")]
    public void Exported_weights_load_strictly_into_torchvision_and_give_our_output_and_torchvision_weights_import_back(string architecture)
    {
        using var folder = new TempFolder();
        manual_seed(0);
        using var ours = Build(architecture);
        Perturb(ours);
        ours.eval();
        using (NewDisposeScope())
        using (no_grad())
        {
            var images = randn(2, 3, 32, 32);
            PyTorchWeights.Export(ours, folder.File("ours.pt"));
            SaveProbe(folder.File("ours-probe.pt"), images, ours.call(images));
        }

        var (code, output) = Python.Run(Path.Combine(AppContext.BaseDirectory, "Interop", "torchvision_check.py"), folder.Path, architecture);
        Assert.True(code == 0, output);
        log.WriteLine(output);

        using var imported = Build(architecture);
        var import = PyTorchWeights.Import(imported, folder.File("torchvision.pt"));
        Assert.True(import.IsExact, PyTorchWeights.Describe(import));
        imported.eval();
        using (NewDisposeScope())
        using (no_grad())
        {
            var probe = LoadProbe(folder.File("torchvision-probe.pt"));
            var actual = imported.call(probe["input"]);
            var scale = probe["output"].abs().max().ToSingle();
            var difference = (actual - probe["output"]).abs().max().ToSingle();
            Assert.True(difference <= 1e-4 * Math.Max(scale, 1e-3), $"torchvision's output differs from ours by {difference} (largest {scale})");
        }
    }

    [Theory]
    [InlineData("resnet18", 120, "conv1.weight", "layer2.0.downsample.1.running_var", "layer4.1.bn2.num_batches_tracked")]
    [InlineData("efficientnet_b0", 358, "features.0.1.running_mean", "features.1.0.block.1.fc1.weight", "features.7.0.block.3.1.bias")]
    public void Every_tensor_gets_its_own_torchvision_name(string architecture, int count, string first, string second, string third)
    {
        using var backbone = Build(architecture);

        var names = backbone.state_dict().Keys.Select(key => PyTorchNames.Of(backbone, key)).ToList();

        // torchvision's state dicts without the classifier: resnet18 has 122 tensors with its fc, efficientnet_b0 360.
        Assert.Equal(count, names.Distinct().Count());
        Assert.Equal(count, names.Count);
        Assert.Contains(first, names);
        Assert.Contains(second, names);
        Assert.Contains(third, names);
    }

    [Fact]
    public void Weights_of_any_backbone_come_back_exactly()
    {
        using var folder = new TempFolder();
        manual_seed(1);
        using var saved = Build("convnet");
        Perturb(saved);
        manual_seed(2);
        using var loaded = Build("convnet");

        PyTorchWeights.Export(saved, folder.File("convnet.pt"));
        var import = PyTorchWeights.Import(loaded, folder.File("convnet.pt"));

        Assert.True(import.IsExact, PyTorchWeights.Describe(import));
        foreach (var (name, tensor) in saved.state_dict())
            TensorAssert.Identical(tensor, loaded.state_dict()[name], name);
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp"));
    }

    [Fact]
    public void A_file_that_does_not_fit_is_refused_and_changes_nothing_unless_partial_loading_is_asked_for()
    {
        using var folder = new TempFolder();
        using var rgb = Build("resnet18");
        PyTorchWeights.Export(rgb, folder.File("rgb.pt"));
        using var gray = Build("resnet18", new ImageShape(1, 32, 32));
        using var before = gray.state_dict()["_stages.0._residual.0.weight"].clone();

        var error = Assert.Throws<InvalidDataException>(() => PyTorchWeights.Import(gray, folder.File("rgb.pt")));

        Assert.Contains("conv1.weight: [64, 3, 3, 3] in the file vs [64, 1, 3, 3]", error.Message);
        TensorAssert.Identical(before, gray.state_dict()["_stages.0._residual.0.weight"]);

        var partial = PyTorchWeights.Import(gray, folder.File("rgb.pt"), strict: false);

        Assert.Equal(["conv1.weight: [64, 3, 3, 3] in the file vs [64, 1, 3, 3]"], partial.Mismatched);
        Assert.Equal(rgb.state_dict().Count - 1, partial.Loaded.Count);
        TensorAssert.Identical(rgb.state_dict()["_stages.0._residual.0.weight"], gray.state_dict()["_stages.0._residual.0.weight"]);
    }

    [Fact]
    public void Another_architecture_or_a_file_that_is_not_a_state_dict_is_a_clear_error()
    {
        using var folder = new TempFolder();
        using var convNet = Build("convnet", new ImageShape(3, 32, 32));
        PyTorchWeights.Export(convNet, folder.File("convnet.pt"));
        File.WriteAllText(folder.File("notes.pt"), "not a tensor in sight");
        using var resNet = Build("resnet18");

        var mismatch = Assert.Throws<InvalidDataException>(() => PyTorchWeights.Import(resNet, folder.File("convnet.pt")));
        var garbage = Assert.Throws<InvalidDataException>(() => PyTorchWeights.Import(resNet, folder.File("notes.pt")));
        Assert.Throws<FileNotFoundException>(() => PyTorchWeights.Import(resNet, folder.File("absent.pt")));

        Assert.Contains("missing (conv1.weight, bn1.weight", mismatch.Message);
        Assert.Contains("unexpected", mismatch.Message);
        Assert.Contains("torch.save(model.state_dict(), path)", garbage.Message);
    }

    /// <summary>Random norm scales, shifts and running statistics, so that a wrong name mapping changes the output.</summary>
    private static void Perturb(nn.Module backbone)
    {
        using var _ = no_grad();
        foreach (var (name, tensor) in backbone.state_dict())
        {
            if (name.EndsWith("running_mean", StringComparison.Ordinal) || name.EndsWith(".bias", StringComparison.Ordinal))
                tensor.normal_(0, 0.1);
            else if (name.EndsWith("running_var", StringComparison.Ordinal) || (name.EndsWith(".weight", StringComparison.Ordinal) && tensor.dim() == 1))
                tensor.uniform_(0.5, 1.5);
        }
    }

    private static void SaveProbe(string path, Tensor images, Tensor output)
    {
        using var file = File.Create(path);
        PyTorchPickler.PickleStateDict(file, new Dictionary<string, Tensor> { ["input"] = images, ["output"] = output });
    }

    private static Dictionary<string, Tensor> LoadProbe(string path)
    {
        using var file = File.OpenRead(path);
        return PyTorchUnpickler.UnpickleStateDict(file).Cast<DictionaryEntry>().ToDictionary(entry => (string)entry.Key, entry => (Tensor)entry.Value!);
    }
}
