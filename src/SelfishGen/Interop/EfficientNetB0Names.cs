using System.Globalization;
using SelfishGen.Modules;

namespace SelfishGen.Interop;

/// <summary>
/// The names torchvision's <c>efficientnet_b0</c> gives the tensors of our <see cref="EfficientNetB0"/>:
/// <c>features.0</c> the stem, <c>features.1</c>–<c>features.7</c> the stages of MBConv blocks
/// (<c>block.N</c>: expansion, depthwise conv, squeeze-excite <c>fc1</c>/<c>fc2</c>, projection; each conv with its
/// norm as <c>.0</c>/<c>.1</c>), <c>features.8</c> the 1×1 head conv. There is no <c>classifier</c>.
/// </summary>
internal static class EfficientNetB0Names
{
    /// <summary>Our branch layer index → torchvision's, for blocks with an expansion conv (ours: conv, norm, SiLU, ...).</summary>
    private static readonly Dictionary<string, string> ExpandedBranch = new()
    {
        ["0"] = "0.0", ["1"] = "0.1", // expansion
        ["3"] = "1.0", ["4"] = "1.1", // depthwise
        ["6"] = "2",                  // squeeze-excite
        ["7"] = "3.0", ["8"] = "3.1", // projection
    };

    /// <summary>The same for the first stage's blocks, which have no expansion.</summary>
    private static readonly Dictionary<string, string> UnexpandedBranch = new()
    {
        ["0"] = "0.0", ["1"] = "0.1", // depthwise
        ["3"] = "1",                  // squeeze-excite
        ["4"] = "2.0", ["5"] = "2.1", // projection
    };

    /// <summary>torchvision's name of our state-dict key <paramref name="key"/>.</summary>
    public static string Torchvision(string key) => key.Split('.') switch
    {
        ["_stem", var layer, var tensor] => $"features.0.{layer}.{tensor}",
        ["_head", var layer, var tensor] => $"features.{EfficientNetB0.Stages.Length + 1}.{layer}.{tensor}",
        ["_blocks", var block, "_branch", var layer, .. var rest] => $"{Block(block)}.block.{BranchLayer(block, layer, key)}.{SqueezeExcite(rest, key)}",
        _ => throw PyTorchNames.Unknown(key, nameof(EfficientNetB0)),
    };

    /// <summary>Block <paramref name="index"/> of the sixteen as <c>features.&lt;stage + 1&gt;.&lt;index in stage&gt;</c>.</summary>
    private static string Block(string index)
    {
        var (stage, inStage) = Locate(index);
        return $"features.{stage + 1}.{inStage}";
    }

    private static string BranchLayer(string block, string layer, string key)
    {
        var branch = EfficientNetB0.Stages[Locate(block).Stage].Expand == 1 ? UnexpandedBranch : ExpandedBranch;
        return branch.TryGetValue(layer, out var name) ? name : throw PyTorchNames.Unknown(key, nameof(EfficientNetB0));
    }

    /// <summary>Our squeeze-excite gate is conv, SiLU, conv, sigmoid; torchvision names the convs fc1 and fc2.</summary>
    private static string SqueezeExcite(string[] rest, string key) => rest switch
    {
        ["_gate", "0", var tensor] => $"fc1.{tensor}",
        ["_gate", "2", var tensor] => $"fc2.{tensor}",
        [var tensor] => tensor,
        _ => throw PyTorchNames.Unknown(key, nameof(EfficientNetB0)),
    };

    private static (int Stage, int InStage) Locate(string index)
    {
        var block = int.Parse(index, CultureInfo.InvariantCulture);
        for (var stage = 0; stage < EfficientNetB0.Stages.Length; stage++)
        {
            if (block < EfficientNetB0.Stages[stage].Repeats)
                return (stage, block);
            block -= EfficientNetB0.Stages[stage].Repeats;
        }
        throw new ArgumentOutOfRangeException(nameof(index), index, "EfficientNet-B0 has 16 blocks.");
    }
}
