using SelfishGen.Data;
using SelfishGen.Modules;
using static TorchSharp.torch;

namespace SelfishGen.Pretext;

/// <summary>
/// The split-brain encoder: RGB images are split into scaled L and ab (<see cref="ColorSplitPretext.Split"/>), one
/// backbone encodes L, another ab, and the feature maps are concatenated (L features first). SplitBrain trains each
/// half to predict the other half's channels; downstream tasks use the whole encoder on RGB images.
/// </summary>
public sealed class SplitBrainBackbone : Backbone
{
    /// <summary>Joins a backbone of 1-channel L images and one of 2-channel ab images with the same map size.</summary>
    public SplitBrainBackbone(ColorSplitPretext split, Backbone lightness, Backbone color)
        : base(nameof(SplitBrainBackbone), new ImageShape(3, lightness.Input.Height, lightness.Input.Width), lightness.OutputFeatures + color.OutputFeatures)
    {
        Pretext = split;
        Lightness = lightness;
        Color = color;
        RegisterComponents();
    }

    /// <summary>Two built-in backbones of <paramref name="kind"/> for the L and ab halves of <paramref name="input"/> images.</summary>
    public static SplitBrainBackbone Create(BackboneKind kind, ImageShape input, ColorSplitPretext split) =>
        new(split,
            Backbones.Create(kind, input with { Channels = 1 }),
            Backbones.Create(kind, input with { Channels = 2 }));

    /// <summary>The task whose L / ab split (and scaling) this encoder uses.</summary>
    public ColorSplitPretext Pretext { get; }

    /// <summary>The encoder of the L half (1 channel).</summary>
    public Backbone Lightness { get; }

    /// <summary>The encoder of the ab half (2 channels).</summary>
    public Backbone Color { get; }

    /// <inheritdoc />
    public override Tensor FeatureMaps(Tensor images)
    {
        var (lightness, color) = Pretext.Split(images);
        using var lightnessMaps = Lightness.FeatureMaps(lightness);
        using var colorMaps = Color.FeatureMaps(color);
        return cat([lightnessMaps, colorMaps], 1);
    }
}
