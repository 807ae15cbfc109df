using SelfishGen.Data;

namespace SelfishGen.Modules;

/// <summary>Builds the built-in backbones.</summary>
public static class Backbones
{
    /// <summary>The backbone of <paramref name="kind"/> for images of <paramref name="input"/> shape, normalised by <paramref name="norm"/>.</summary>
    public static Backbone Create(BackboneKind kind, ImageShape input, NormKind norm = NormKind.Batch) => Resolve(kind, input) switch
    {
        BackboneKind.ConvNet => new ConvNet(input, norm: norm),
        BackboneKind.ResNet18 => new ResNet18(input, norm),
        BackboneKind.EfficientNetB0 => new EfficientNetB0(input, norm),
        var other => throw new ArgumentOutOfRangeException(nameof(kind), other, null),
    };

    /// <summary>
    /// The backbone a declaration names (<c>[Backbone(typeof(MyBackbone))]</c>), made by <paramref name="create"/>,
    /// unless <paramref name="options"/> ask for a built-in kind: then null, and the method builds that kind.
    /// </summary>
    public static Backbone? Declared(MethodOptions? options, Func<Backbone> create) =>
        (options?.Backbone ?? BackboneKind.Auto) == BackboneKind.Auto ? create() : null;

    /// <summary>
    /// A backbone whose output for one image never depends on the rest of its batch (CPC's patch encoder, whose batch
    /// holds the masked context's patches too): <paramref name="custom"/> when it has no batch norm, else the kind
    /// <paramref name="options"/> ask for, built with <see cref="NormKind.Layer"/>, for images of <paramref name="input"/> shape.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="custom"/> has batch normalisation.</exception>
    public static Backbone PerSample(ImageShape input, MethodOptions? options, Backbone? custom)
    {
        if (custom is null)
            return Create(options?.Backbone ?? BackboneKind.Auto, input, NormKind.Layer);
        if (custom.modules().Any(module => module is TorchSharp.Modules.BatchNorm))
            throw new ArgumentException(
                $"This method encodes each image on its own, but the {custom.GetType().Name} given has batch normalisation, which mixes " +
                "the statistics of a batch: build it with per-sample normalisation, e.g. new ConvNet(shape, norm: NormKind.Layer).");
        return custom;
    }

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
