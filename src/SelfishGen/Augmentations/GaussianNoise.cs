using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;

namespace SelfishGen.Augmentations;

/// <summary>Adds independent N(0, <see cref="Sigma"/>²) noise to every value, clamped to [0, 1].</summary>
public sealed class GaussianNoise(double sigma) : IAugmentation
{
    /// <summary>Standard deviation of the noise.</summary>
    public double Sigma { get; } = sigma;

    private readonly Scalar _sigma = sigma.ToScalar();

    /// <inheritdoc />
    public Tensor Apply(Tensor images, Generator random) =>
        images.Plus(Draw.Normal(images.shape, images.dtype, random).to(images.device).mul(_sigma)).clamp(Zero, One);
}
