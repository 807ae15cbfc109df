using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;

namespace SelfishGen.Augmentations;

/// <summary>
/// Sets each pixel to 0 with probability <see cref="Probability"/>: independently per channel, or in all channels at
/// once when <see cref="PerChannel"/> is false (the denoising autoencoder's masking). With a <see cref="BlockSize"/>
/// above 1 the image is tiled into squares of that side (from the top-left corner) and each square is dropped or
/// kept as one.
/// </summary>
public sealed class PixelDropout : IAugmentation
{
    private readonly Scalar _probability;

    /// <summary>Creates the dropout.</summary>
    public PixelDropout(double probability, bool perChannel = false, int blockSize = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 1);
        (Probability, PerChannel, BlockSize) = (probability, perChannel, blockSize);
        _probability = probability.ToScalar();
    }

    /// <summary>Chance that a value is dropped.</summary>
    public double Probability { get; }

    /// <summary>Whether channels are dropped independently.</summary>
    public bool PerChannel { get; }

    /// <summary>Side in pixels of the squares dropped together.</summary>
    public int BlockSize { get; }

    /// <inheritdoc />
    public Tensor Apply(Tensor images, Generator random)
    {
        var channels = PerChannel ? images.shape[1] : 1;
        var (height, width) = (images.shape[2], images.shape[3]);
        var (rows, columns) = (BlocksAlong(height), BlocksAlong(width));
        var keep = Draw.Uniform([images.shape[0], channels, rows, columns], 0, 1, random).ge(_probability);
        if (BlockSize > 1)
            keep = keep.repeat_interleave(BlockSize, 2).repeat_interleave(BlockSize, 3)[.., .., ..(int)height, ..(int)width];
        return images * keep.to(images.dtype, images.device);
    }

    private long BlocksAlong(long side) => (side + BlockSize - 1) / BlockSize;
}
