using SelfishGen.Augmentations;
using SelfishGen.Data;
using static TorchSharp.torch;

namespace SelfishGen.Modules;

/// <summary>
/// A backbone that sees one part of an RGB image in Lab colour space (CMC's two encoders): the lightness L, scaled to
/// [0, 1], or the colour channels ab, scaled to about [−1, 1] (<see cref="ColorSpace.ScaledLightness"/>,
/// <see cref="ColorSpace.ScaledColor"/>). It takes RGB images, so it evaluates like any backbone.
/// </summary>
public sealed class LabChannelBackbone : Backbone
{
    private readonly Backbone _inner;

    private LabChannelBackbone(Backbone inner, bool color, ImageShape input) : base(nameof(LabChannelBackbone), input, inner.OutputFeatures)
    {
        _inner = inner;
        IsColor = color;
        register_module("inner", inner);
    }

    /// <summary>Whether this encoder sees the colour channels ab (else the lightness L).</summary>
    public bool IsColor { get; }

    /// <summary>
    /// The lightness encoder for RGB images of <paramref name="shape"/>: <paramref name="custom"/> (built for one
    /// channel) or the backbone <paramref name="options"/> ask for.
    /// </summary>
    public static LabChannelBackbone Lightness(ImageShape shape, MethodOptions? options, Backbone? custom)
    {
        if (shape.Channels != 3)
            throw new ArgumentException(
                $"Lab encoders (CMC) split colour images into lightness and colour channels, but these images have {shape.Channels} channel(s): use colour (RGB) images.");
        return new(custom ?? Backbones.Create(options?.Backbone ?? BackboneKind.Auto, shape with { Channels = 1 }), color: false, shape);
    }

    /// <summary>A colour (ab) encoder built like the lightness encoder <paramref name="lightness"/>.</summary>
    public static LabChannelBackbone ColorEncoderFor(Backbone lightness) =>
        lightness is LabChannelBackbone { IsColor: false } encoder
            ? new(encoder._inner.Replicate(encoder._inner.Input with { Channels = 2 }), color: true, encoder.Input)
            : throw new ArgumentException("Expected the lightness encoder made by LabChannelBackbone.Lightness.", nameof(lightness));

    /// <inheritdoc />
    public override Backbone Replicate(ImageShape input) =>
        new LabChannelBackbone(_inner.Replicate(input with { Channels = IsColor ? 2 : 1 }), IsColor, input);

    /// <inheritdoc />
    public override Tensor FeatureMaps(Tensor images)
    {
        using var scope = NewDisposeScope();
        var lab = ColorSpace.RgbToLab(images);
        var part = IsColor ? ColorSpace.ScaledColor(lab) : ColorSpace.ScaledLightness(lab);
        return _inner.FeatureMaps(part).MoveToOuterDisposeScope();
    }
}
