using SelfishGen.Data;

namespace SelfishGen.Modules;

/// <summary>Builds the built-in backbones.</summary>
public static class Backbones
{
    /// <summary>The backbone of <paramref name="kind"/> for images of <paramref name="input"/> shape.</summary>
    public static Backbone Create(BackboneKind kind, ImageShape input) => Resolve(kind, input) switch
    {
        BackboneKind.ConvNet => new ConvNet(input),
        BackboneKind.ResNet18 => new ResNet18(input),
        BackboneKind.EfficientNetB0 => new EfficientNetB0(input),
        var other => throw new ArgumentOutOfRangeException(nameof(kind), other, null),
    };

    /// <summary>
    /// The concrete kind <see cref="BackboneKind.Auto"/> stands for at <paramref name="input"/>: the ConvNet below 32
    /// pixels, ResNet-18 (CIFAR stem) below 64, EfficientNet-B0 (the original's default) from 64 pixels up.
    /// </summary>
    public static BackboneKind Resolve(BackboneKind kind, ImageShape input) =>
        kind != BackboneKind.Auto ? kind
        : Math.Min(input.Height, input.Width) switch
        {
            < 32 => BackboneKind.ConvNet,
            < 64 => BackboneKind.ResNet18,
            _ => BackboneKind.EfficientNetB0,
        };
}
