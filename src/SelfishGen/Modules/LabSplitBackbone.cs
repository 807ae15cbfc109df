using SelfishGen.Augmentations;
using SelfishGen.Data;
using SelfishGen.Pretext;
using static TorchSharp.torch;

namespace SelfishGen.Modules;

/// <summary>
/// Two encoders of one colour image in CIE Lab: one backbone encodes the lightness L
/// (<see cref="ColorSpace.ScaledLightness"/>), another the colour ab (<see cref="ColorSpace.ScaledColor"/>), and their
/// feature maps are concatenated, L features first. SplitBrain trains each half to predict the other half's channels,
/// CMC contrasts the two halves' embeddings; downstream tasks see the features of both halves.
/// </summary>
public sealed class LabSplitBackbone : Backbone
{
    /// <summary>Joins a backbone of 1-channel L images and one of 2-channel ab images whose feature maps have the same size.</summary>
    public LabSplitBackbone(Backbone lightness, Backbone color)
        : base(nameof(LabSplitBackbone), lightness.Input with { Channels = 3 }, lightness.OutputFeatures + color.OutputFeatures)
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
    /// The split encoder of <paramref name="method"/> for RGB images of <paramref name="shape"/>:
    /// <paramref name="custom"/> itself when it is one; otherwise <paramref name="custom"/> (built for one channel) or
    /// the backbone <paramref name="options"/> ask for encodes L, and a copy of it built for two channels encodes ab.
    /// </summary>
    /// <exception cref="ArgumentException">The images are not colour images, or the custom backbone is not built for one channel.</exception>
    public static LabSplitBackbone For(string method, ImageShape shape, MethodOptions? options, Backbone? custom)
    {
        RequireColor(method, shape.Channels);
        if (custom is LabSplitBackbone split)
            return split;
        var lightness = custom ?? Backbones.Create(options?.Backbone ?? BackboneKind.Auto, shape with { Channels = 1 });
        if (lightness.Input.Channels != 1)
            throw new ArgumentException(
                $"{method}'s backbone encodes the lightness channel, but the one given takes {lightness.Input.Channels} channel(s): build it for 1-channel images.");
        return new LabSplitBackbone(lightness, lightness.Replicate(shape with { Channels = 2 }));
    }

    /// <summary>The scaled L (B, 1, H, W) and ab (B, 2, H, W) halves of RGB <paramref name="images"/>: what each encoder takes.</summary>
    public static (Tensor Lightness, Tensor Color) Split(Tensor images)
    {
        using var lab = ColorSpace.RgbToLab(images);
        return (ColorSpace.ScaledLightness(lab), ColorSpace.ScaledColor(lab));
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The images are not colour images.</exception>
    public override Tensor FeatureMaps(Tensor images)
    {
        RequireColor(nameof(LabSplitBackbone), images.shape[1]);
        using var scope = NewDisposeScope();
        var (lightness, color) = Split(images);
        var maps = cat([Lightness.FeatureMaps(lightness), Color.FeatureMaps(color)], 1);
        return maps.MoveToOuterDisposeScope();
    }

    /// <summary>Throws the error that tells a user <paramref name="method"/> needs colour images when <paramref name="channels"/> is not 3.</summary>
    /// <exception cref="ArgumentException"><paramref name="channels"/> is not 3.</exception>
    public static void RequireColor(string method, long channels)
    {
        if (channels != 3)
            throw new ArgumentException(
                $"{method} needs colour images, but these have {channels} channel(s): use a colour dataset, e.g. --data <folder of colour images>.");
    }
}
