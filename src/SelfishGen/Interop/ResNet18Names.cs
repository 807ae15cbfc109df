using System.Globalization;
using SelfishGen.Modules;

namespace SelfishGen.Interop;

/// <summary>
/// The names torchvision's <c>resnet18</c> gives the tensors of our <see cref="ResNet18"/>: <c>conv1</c>, <c>bn1</c>,
/// <c>layer1</c>–<c>layer4</c> of two blocks (<c>conv1</c>, <c>bn1</c>, <c>conv2</c>, <c>bn2</c>, <c>downsample.0/1</c>).
/// Our stem is CIFAR's (a 3×3 stride-1 <c>conv1</c>, no max-pool) and there is no <c>fc</c>.
/// </summary>
internal static class ResNet18Names
{
    /// <summary>torchvision's name of our state-dict key <paramref name="key"/>.</summary>
    public static string Torchvision(string key) => key.Split('.') switch
    {
        ["_stem", "0", var tensor] => $"conv1.{tensor}",
        ["_stem", "1", var tensor] => $"bn1.{tensor}",
        ["_stages", var block, "_residual", var layer, var tensor] => $"{Block(block)}.{ResidualLayer(layer, key)}.{tensor}",
        ["_stages", var block, "_shortcut", var layer, var tensor] => $"{Block(block)}.downsample.{layer}.{tensor}",
        _ => throw PyTorchNames.Unknown(key, nameof(ResNet18)),
    };

    /// <summary>Block <paramref name="index"/> of the eight is block index % 2 of layer index / 2 + 1.</summary>
    private static string Block(string index)
    {
        var block = int.Parse(index, CultureInfo.InvariantCulture);
        return $"layer{block / 2 + 1}.{block % 2}";
    }

    /// <summary>The residual branch is conv, norm, ReLU, conv, norm.</summary>
    private static string ResidualLayer(string layer, string key) => layer switch
    {
        "0" => "conv1",
        "1" => "bn1",
        "3" => "conv2",
        "4" => "bn2",
        _ => throw PyTorchNames.Unknown(key, nameof(ResNet18)),
    };
}
