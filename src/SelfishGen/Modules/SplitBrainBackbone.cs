using SelfishGen.Augmentations;
using SelfishGen.Data;
using SelfishGen.Pretext;
using static TorchSharp.torch;

namespace SelfishGen.Modules;

/// <summary>
/// The split-brain encoder: RGB images become CIE Lab, one backbone encodes the lightness L
/// (<see cref="ColorSpace.ScaledLightness"/>), another the colour ab (<see cref="ColorSpace.ScaledColor"/>), and their
/// feature maps are concatenated, L features first. SplitBrain trains each half to predict the other half's channels;
/// downstream tasks see the features of both halves.
/// </summary>
public sealed class SplitBrainBackbone : Backbone
{
    /// <summary>Joins a backbone of 1-channel L images and one of 2-channel ab images whose feature maps have the same size.</summary>
    public SplitBrainBackbone(Backbone lightness, Backbone color)
        : base(nameof(SplitBrainBackbone), lightness.Input with { Channels = 3 }, lightness.OutputFeatures + color.OutputFeatures)
    {
        Lightness = lightness;
        Color = color;
        RegisterComponents();
    }

    /// <summary>The encoder of the L half (1 channel).</summary>
    public Backbone Lightness { get; }

    /// <summary>The encoder of the ab half (2 channels).</summary>
    public Backbone Color { get; }

    /// <summary>
    /// The split encoder for RGB images of <paramref name="shape"/>: <paramref name="custom"/> itself when it is one;
    /// otherwise <paramref name="custom"/> (built for one channel) or the backbone <paramref name="options"/> ask for
    /// encodes L, and a copy of it built for two channels encodes ab.
    /// </summary>
    /// <exception cref="ArgumentException">The images are not colour images, or the custom backbone is not built for one channel.</exception>
    public static SplitBrainBackbone For(ImageShape shape, MethodOptions? options, Backbone? custom)
    {
        ColorSplitPretext.RequireColor(shape.Channels);
        if (custom is SplitBrainBackbone split)
            return split;
        var lightness = custom ?? Backbones.Create(options?.Backbone ?? BackboneKind.Auto, shape with { Channels = 1 });
        if (lightness.Input.Channels != 1)
            throw new ArgumentException(
                $"SplitBrain's backbone encodes the lightness channel, but the one given takes {lightness.Input.Channels} channel(s): build it for 1-channel images.");
        return new SplitBrainBackbone(lightness, lightness.Replicate(shape with { Channels = 2 }));
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The images are not colour images.</exception>
    public override Tensor FeatureMaps(Tensor images)
    {
        ColorSplitPretext.RequireColor(images.shape[1]);
        using var scope = NewDisposeScope();
        var lab = ColorSpace.RgbToLab(images);
        var maps = cat([Lightness.FeatureMaps(ColorSpace.ScaledLightness(lab)), Color.FeatureMaps(ColorSpace.ScaledColor(lab))], 1);
        return maps.MoveToOuterDisposeScope();
    }
}
