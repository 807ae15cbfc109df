namespace SelfishGen.Interop;

/// <summary>What <see cref="PyTorchWeights.Import"/> found, by PyTorch name.</summary>
/// <param name="Loaded">Tensors copied into the backbone.</param>
/// <param name="Missing">Backbone tensors the file does not have (left as they were).</param>
/// <param name="Mismatched">Tensors present in both with different shapes, as <c>name: file shape vs backbone shape</c> (left as they were).</param>
/// <param name="Unexpected">Tensors of the file the backbone does not have (a torchvision classifier is not counted).</param>
public sealed record WeightImport(
    IReadOnlyList<string> Loaded,
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> Mismatched,
    IReadOnlyList<string> Unexpected)
{
    /// <summary>Whether every backbone tensor was loaded and the file had nothing else.</summary>
    public bool IsExact => Missing.Count == 0 && Mismatched.Count == 0 && Unexpected.Count == 0;
}
