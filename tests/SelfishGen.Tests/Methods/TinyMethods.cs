using SelfishGen.Data;
using SelfishGen.Modules;

namespace SelfishGen.Tests.Methods;

/// <summary>The built-in methods shrunk for tests: a narrow ConvNet, small heads, queues, prototypes and exemplar sets.</summary>
internal static class TinyMethods
{
    /// <summary>Hyperparameter overrides per method that make it small; applied through the options' own parser.</summary>
    private static readonly Dictionary<string, string[]> Overrides = new()
    {
        ["RotateNet"] = ["Hidden=32"],
        ["SimCLR"] = ["ProjectorHidden=32", "ProjectorOut=16", "Temperature=0.1"],
        ["MoCo"] = ["ProjectorHidden=32", "ProjectorOut=16", "Queue=64", "Momentum=0.9"],
        ["BYOL"] = ["ProjectorHidden=32", "ProjectorOut=16", "PredictorHidden=32", "Momentum=0.9"],
        ["SimSiam"] = ["ProjectorHidden=32", "ProjectorOut=16", "PredictorHidden=8"],
        ["BarlowTwins"] = ["ProjectorHidden=32", "ProjectorOut=16", "ProjectorScaleWithFeatures=0"],
        ["VICReg"] = ["ProjectorHidden=32", "ProjectorOut=16", "ProjectorScaleWithFeatures=0"],
        ["InstanceDiscrimination"] = ["ProjectorHidden=32", "ProjectorOut=16", "MemoryBank=32"],
        // The paper's head (no batch norm) collapses to uniform outputs at this size (epoch losses 2.6 → 4.3 ≈ ln 64 in
        // 24 steps); with batch norm in the head the loss falls.
        ["DINO"] = ["ProjectorHidden=32", "ProjectorOut=16", "Prototypes=64", "LocalCrops=2", "Momentum=0.9", "HeadBatchNorm=true"],
        ["PIRL"] = ["ProjectorHidden=32", "ProjectorOut=16", "MemoryBank=32"],
        ["CMC"] = ["ProjectorHidden=32", "ProjectorOut=16", "MemoryBank=32"],
        ["CPC"] = ["Grid=4", "Steps=2", "ContextWidth=16"],
        ["Jigsaw"] = ["Hidden=32"],
        ["ExemplarNet"] = ["Hidden=32", "Classes=64"],
        ["DenoiseNet"] = [],
        ["ContextNet"] = [],
        ["BiGAN"] = ["Latent=16"],
        ["SplitBrain"] = [],
    };

    /// <summary>The methods that need colour images.</summary>
    public static readonly string[] ColourMethods = ["CMC", "SplitBrain"];

    // The backbone of CMC and SplitBrain sees the lightness channel only; CPC's normalises each patch on its own.
    private static ConvNet Backbone(string name, ImageShape shape) =>
        new(ColourMethods.Contains(name) ? shape with { Channels = 1 } : shape, width: 8, name == "CPC" ? NormKind.Layer : NormKind.Batch);

    /// <summary>
    /// The learning rate that trains <paramref name="name"/> within a few tiny steps: smaller for the objectives of
    /// batch statistics (Barlow Twins, VICReg), which are noisy on batches of 16.
    /// </summary>
    public static double LearningRate(string name) => name is "BarlowTwins" or "VICReg" or "SimCLR" ? 1e-3 : 3e-3;

    /// <summary>The tiny options of method <paramref name="name"/>, then <paramref name="extra"/> ones (<c>Name=value</c>).</summary>
    public static MethodOptions Options(string name, params string[] extra) =>
        OptionOverrides.Apply(MethodRegistry.Get(name), Overrides[name].Concat(extra).Select(OptionOverrides.ParsePair));

    /// <summary>The names of the methods with a tiny configuration.</summary>
    public static IEnumerable<string> Names => Overrides.Keys;

    /// <summary>
    /// Method <paramref name="name"/>, tiny, for <paramref name="dataset"/>, its weights drawn from <paramref name="seed"/>,
    /// on <paramref name="backbone"/>'s backbone for the images (default: a narrow ConvNet), passed through
    /// <paramref name="wrap"/> when given, with the <paramref name="extra"/> options on top of the tiny ones.
    /// </summary>
    public static SelfSupervisedMethod Create(
        string name, IImageDataset dataset, int seed = 1, Func<ImageShape, Backbone>? backbone = null, Func<Backbone, Backbone>? wrap = null,
        string[]? extra = null)
    {
        var descriptor = MethodRegistry.Get(name);
        var options = Options(name, extra ?? []);
        manual_seed(seed);
        var encoder = backbone?.Invoke(dataset.Shape) ?? Backbone(name, dataset.Shape);
        var method = descriptor.Create(DatasetInfo.Of(dataset), options, wrap is null ? encoder : wrap(encoder));
        method.Dataset = dataset;
        return method;
    }
}
