using SelfishGen.Modules;

namespace SelfishGen.Interop;

/// <summary>
/// The names a backbone's tensors have in PyTorch: torchvision's for <see cref="ResNet18"/> and
/// <see cref="EfficientNetB0"/>, TorchSharp's own (the same as PyTorch would give the same module tree) for any other.
/// </summary>
internal static class PyTorchNames
{
    /// <summary>The PyTorch name of <paramref name="backbone"/>'s state-dict key <paramref name="key"/>.</summary>
    public static string Of(Backbone backbone, string key) => backbone switch
    {
        ResNet18 => ResNet18Names.Torchvision(key),
        EfficientNetB0 => EfficientNetB0Names.Torchvision(key),
        _ => key,
    };

    /// <summary>
    /// Whether <paramref name="name"/> in a PyTorch file belongs to the torchvision model's classifier (<c>fc</c>,
    /// <c>classifier</c>), which a backbone does not have: such tensors are left out of an import.
    /// </summary>
    public static bool IsClassifier(Backbone backbone, string name) => backbone switch
    {
        ResNet18 => name.StartsWith("fc.", StringComparison.Ordinal),
        EfficientNetB0 => name.StartsWith("classifier.", StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>The error for a key the mapping of <paramref name="architecture"/> does not know (a changed layer layout).</summary>
    public static InvalidOperationException Unknown(string key, string architecture) =>
        new($"'{key}' has no torchvision name: the {architecture} name mapping (src/SelfishGen/Interop) does not know this layer.");
}
