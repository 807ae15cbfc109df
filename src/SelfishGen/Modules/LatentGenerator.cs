using SelfishGen.Data;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace SelfishGen.Modules;

/// <summary>
/// A generator from latent codes (N, latent) to images (N, channels, H, W) in [0, 1]: a linear layer → batch norm →
/// ReLU to a 4×4 seed map, then a <see cref="ConvDecoder"/> (BiGAN's G).
/// </summary>
public sealed class LatentGenerator : Module<Tensor, Tensor>
{
    private const int SeedSize = 4;

    private readonly int _width;
    private readonly Module<Tensor, Tensor> _seed;
    private readonly ConvDecoder _decoder;

    /// <summary>
    /// Creates a generator from <paramref name="latentFeatures"/> codes to <paramref name="output"/> images, with
    /// <paramref name="width"/> channels in the seed map.
    /// </summary>
    public LatentGenerator(int latentFeatures, ImageShape output, int width = 128) : base(nameof(LatentGenerator))
    {
        LatentFeatures = latentFeatures;
        _width = width;
        var seedFeatures = width * SeedSize * SeedSize;
        _seed = Sequential(Linear(latentFeatures, seedFeatures, hasBias: false), BatchNorm1d(seedFeatures), ReLU(inplace: true));
        _decoder = ConvDecoder.For(new ImageShape(width, SeedSize, SeedSize), output, width);
        RegisterComponents();
    }

    /// <summary>The length of a latent code.</summary>
    public int LatentFeatures { get; }

    /// <summary>The shape of one generated image.</summary>
    public ImageShape Output => _decoder.Output;

    /// <inheritdoc />
    public override Tensor forward(Tensor latent)
    {
        using var seed = _seed.call(latent);
        using var maps = seed.view(-1, _width, SeedSize, SeedSize);
        return _decoder.call(maps);
    }
}
