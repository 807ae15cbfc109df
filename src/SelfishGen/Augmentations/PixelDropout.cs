using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;

namespace SelfishGen.Augmentations;

/// <summary>
/// Sets each pixel to 0 with probability <see cref="Probability"/>: independently per channel, or in all channels at
/// once when <see cref="PerChannel"/> is false (the denoising autoencoder's masking).
/// </summary>
public sealed class PixelDropout(double probability, bool perChannel = false) : IAugmentation
{
    /// <summary>Chance that a value is dropped.</summary>
    public double Probability { get; } = probability;

    /// <summary>Whether channels are dropped independently.</summary>
    public bool PerChannel { get; } = perChannel;

    private readonly Scalar _probability = probability.ToScalar();

    /// <inheritdoc />
    public Tensor Apply(Tensor images, Generator random)
    {
        var channels = PerChannel ? images.shape[1] : 1;
        var keep = Draw.Uniform([images.shape[0], channels, images.shape[2], images.shape[3]], 0, 1, random).ge(_probability);
        return images * keep.to(images.dtype, images.device);
    }
}
