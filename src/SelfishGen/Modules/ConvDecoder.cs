using SelfishGen.Data;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace SelfishGen.Modules;

/// <summary>
/// Decodes feature maps (N, C, h, w) into images (N, channels, H, W) in [0, 1]: a number of ×2 upsampling blocks
/// (4×4 stride-2 transposed conv → batch norm → ReLU, halving the width each time), a plain 3×3 conv output layer,
/// a bilinear resize to exactly (H, W) whatever h and w are, and a sigmoid. The output layer has no normalisation
/// and no activation but the sigmoid, which an unbounded decoder (for normalised targets) leaves out.
/// </summary>
public sealed class ConvDecoder : Module<Tensor, Tensor>
{
    private const int MinWidth = 16;

    private readonly Module<Tensor, Tensor> _upsampling;
    private readonly Module<Tensor, Tensor> _output;
    private readonly bool _bounded;

    /// <summary>
    /// Creates a decoder from <paramref name="inChannels"/> feature maps to <paramref name="output"/> images through
    /// <paramref name="upsamplings"/> blocks, the first <paramref name="width"/> channels wide; its values in [0, 1]
    /// when <paramref name="bounded"/>, else unbounded.
    /// </summary>
    public ConvDecoder(int inChannels, ImageShape output, int upsamplings, int width = 128, bool bounded = true) : base(nameof(ConvDecoder))
    {
        ArgumentOutOfRangeException.ThrowIfNegative(upsamplings);
        Output = output;
        _bounded = bounded;
        var layers = new List<Module<Tensor, Tensor>>();
        var channels = inChannels;
        for (var block = 0; block < upsamplings; block++)
        {
            var next = Math.Max(MinWidth, width >> block);
            layers.AddRange([new ChannelAlignedConvTranspose2d(channels, next, 4, stride: 2, padding: 1, bias: false), BatchNorm2d(next), ReLU(inplace: true)]);
            channels = next;
        }
        _upsampling = Sequential(layers);
        _output = new ChannelAlignedConv2d(channels, output.Channels, 3, padding: 1);
        RegisterComponents();
    }

    /// <summary>The shape of one decoded image.</summary>
    public ImageShape Output { get; }

    /// <summary>
    /// A decoder for feature maps of <paramref name="featureMaps"/> shape with the number of ×2 blocks that comes
    /// closest to <paramref name="output"/>'s size (the final resize covers the rest: 7×7 maps go to 224, then 225).
    /// </summary>
    public static ConvDecoder For(ImageShape featureMaps, ImageShape output, int width = 128, bool bounded = true)
    {
        var ratio = (double)Math.Min(output.Height, output.Width) / Math.Min(featureMaps.Height, featureMaps.Width);
        var upsamplings = Math.Max(0, (int)Math.Round(Math.Log2(ratio)));
        return new ConvDecoder(featureMaps.Channels, output, upsamplings, width, bounded);
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor maps)
    {
        using var hidden = _upsampling.call(maps);
        var logits = _output.call(hidden);
        if (logits.shape[2] != Output.Height || logits.shape[3] != Output.Width)
        {
            using var small = logits;
            logits = functional.interpolate(small, [Output.Height, Output.Width], mode: InterpolationMode.Bilinear, align_corners: false);
        }
        if (!_bounded)
            return logits;
        using (logits)
            return logits.sigmoid();
    }
}
