namespace SelfishGen.Data;

/// <summary>Same-shaped images held in memory, readable by index as float batches.</summary>
internal interface IPixelSource
{
    /// <summary>Number of images.</summary>
    int Count { get; }

    /// <summary>Shape of every image.</summary>
    ImageShape Shape { get; }

    /// <summary>The images at <paramref name="indices"/> as a new float32 tensor (N, C, H, W) in [0, 1].</summary>
    torch.Tensor Gather(ReadOnlySpan<int> indices);
}
