using SelfishGen.Data;

namespace SelfishGen.Cli.Benchmarks;

/// <summary>One part of a dataset: a path <see cref="Datasets.Open"/> reads, and which split of an IDX folder.</summary>
/// <param name="Path">The folder, or <c>sample</c>.</param>
/// <param name="Split">The IDX files' split ("train", "test"); null for the folder's training files or its only ones.</param>
public sealed record DataPart(string Path, string? Split = null)
{
    /// <summary>Reads the images, resized to <paramref name="imageSize"/> when given.</summary>
    public IImageDataset Open(int? imageSize) => Datasets.Open(Path, imageSize, split: Split);
}
