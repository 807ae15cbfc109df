namespace SelfishGen.Data;

/// <summary>A finite set of same-shaped images, optionally labelled.</summary>
public interface IImageDataset
{
    /// <summary>Number of images.</summary>
    int Count { get; }

    /// <summary>Shape of every image.</summary>
    ImageShape Shape { get; }

    /// <summary>Class names by label index; empty when the dataset is unlabelled.</summary>
    IReadOnlyList<string> ClassNames { get; }

    /// <summary>The label of image <paramref name="index"/>, or -1 when the dataset is unlabelled.</summary>
    int Label(int index);

    /// <summary>
    /// The images at <paramref name="indices"/> as one float32 tensor (N, C, H, W) with values in [0, 1], on the CPU.
    /// The caller owns the tensor. Safe to call from a background thread.
    /// </summary>
    torch.Tensor LoadImages(ReadOnlySpan<int> indices);
}
