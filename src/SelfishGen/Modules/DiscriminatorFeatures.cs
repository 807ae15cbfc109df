using SelfishGen.Data;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace SelfishGen.Modules;

/// <summary>
/// The convolutional trunk of a discriminator: 4×4 stride-2 convs with LeakyReLU(0.2), doubling the width (up to 512)
/// until the maps are 4 pixels or less, batch norm on every layer but the first, then a global average pool to one
/// feature vector per image (N, <see cref="OutputFeatures"/>). Works at any input size of at least 2×2.
/// </summary>
public sealed class DiscriminatorFeatures : Module<Tensor, Tensor>
{
    /// <summary>The negative slope of the LeakyReLU activations used across the discriminators.</summary>
    public const double LeakySlope = 0.2;

    private const int MaxWidth = 512;
    private const int FinalSize = 4;

    private readonly Module<Tensor, Tensor> _layers;

    /// <summary>Creates the trunk for images of <paramref name="input"/> shape, <paramref name="width"/> channels at first.</summary>
    public DiscriminatorFeatures(ImageShape input, int width = 64) : base(nameof(DiscriminatorFeatures))
    {
        var layers = new List<Module<Tensor, Tensor>>
        {
            new ChannelAlignedConv2d(input.Channels, width, 4, stride: 2, padding: 1), LeakyReLU(LeakySlope, inplace: true),
        };
        var channels = width;
        for (var size = Math.Min(input.Height, input.Width) / 2; size > FinalSize; size /= 2)
        {
            var next = Math.Min(MaxWidth, 2 * channels);
            layers.AddRange([new ChannelAlignedConv2d(channels, next, 4, stride: 2, padding: 1, bias: false), BatchNorm2d(next), LeakyReLU(LeakySlope, inplace: true)]);
            channels = next;
        }
        layers.AddRange([AdaptiveAvgPool2d(1), Flatten()]);
        _layers = Sequential(layers);
        OutputFeatures = channels;
        RegisterComponents();
    }

    /// <summary>The length of the feature vector per image.</summary>
    public int OutputFeatures { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor images) => _layers.call(images);
}
