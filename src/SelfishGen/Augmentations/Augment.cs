namespace SelfishGen.Augmentations;

/// <summary>
/// Ready augmentation pipelines of the self-supervised methods. Crop pipelines take an optional output size
/// (default: the input size); all draw their parameters per sample.
/// </summary>
public static class Augment
{
    /// <summary>
    /// The 13 elementary operations of the CPC pool: rotation ±30°, x-shear ±30°, translation ±30 %, autocontrast,
    /// invert, equalize, solarize (128), posterize (5–8 bits), and saturation, brightness, contrast and sharpness
    /// factors in [0, 1) (each only weakens), and one black rectangle (area 2–33 %, ratio 0.3–3.3).
    /// </summary>
    public static IReadOnlyList<IAugmentation> CpcPool() =>
    [
        new Rotation(-30, 30),
        new Shear(-30, 30),
        new Translate(0.3),
        new AutoContrast(),
        new Invert(),
        new Equalize(),
        new Solarize(1),
        new Posterize(5, 8),
        new Saturation(0, 1),
        new Brightness(0, 1),
        new Contrast(0, 1),
        new Sharpness(0, 1),
        new RandomErasing(),
    ];

    /// <summary>CPC: three operations drawn from <see cref="CpcPool"/>, then elastic deformation (p 0.2), then grayscale (p 0.25).</summary>
    public static IAugmentation Cpc() =>
        new Compose(new RandomChoice(CpcPool(), 3), new RandomApply(0.2, new ElasticDeformation(10)), new RandomGrayscale(0.25));

    /// <summary>The 15 operations of the ExemplarNet pool: <see cref="CpcPool"/>, grayscale and elastic deformation.</summary>
    public static IReadOnlyList<IAugmentation> ExemplarPool() =>
        [.. CpcPool(), new RandomGrayscale(1), new ElasticDeformation(10)];

    /// <summary>
    /// ExemplarNet: ten slots, each used with p 0.5, each a random operation from <see cref="ExemplarPool"/>, so a
    /// sample receives Binomial(10, 0.5) operations (the original fixes that number per stored transformation).
    /// </summary>
    public static IAugmentation Exemplar()
    {
        var slot = new RandomApply(0.5, new RandomChoice(ExemplarPool()));
        return new Compose(Enumerable.Repeat<IAugmentation>(slot, 10).ToArray());
    }

    /// <summary>MoCo v2: crop (area 0.2–1), jitter 0.4/0.4/0.4/0.1 (p 0.8), grayscale (p 0.2), blur σ 0.1–2 (p 0.5), flip.</summary>
    public static IAugmentation MoCoV2((int Height, int Width)? size = null) =>
        new Compose(
            new RandomResizedCrop((0.2, 1), outputSize: size),
            new RandomApply(0.8, new ColorJitter(0.4, 0.4, 0.4, 0.1)),
            new RandomGrayscale(0.2),
            new GaussianBlur(0.5),
            new HorizontalFlip());

    /// <summary>
    /// Instance Discrimination (also PIRL's image view): crop (area 0.2–1), grayscale (p 0.2), jitter 0.4/0.4/0.4/0.4
    /// always, flip.
    /// </summary>
    public static IAugmentation InstanceDiscrimination((int Height, int Width)? size = null) =>
        new Compose(
            new RandomResizedCrop((0.2, 1), outputSize: size),
            new RandomGrayscale(0.2),
            new ColorJitter(0.4, 0.4, 0.4, 0.4),
            new HorizontalFlip());

    /// <summary>CMC: crop (area 0.2–1) and flip only, so the colour that the L and ab views split stays whole.</summary>
    public static IAugmentation Cmc((int Height, int Width)? size = null) =>
        new Compose(new RandomResizedCrop((0.2, 1), outputSize: size), new HorizontalFlip());

    /// <summary>
    /// The supervised networks' light feeding, which Gidaris et al. give RotateNet: a crop of the image zero-padded by
    /// 1/8 of its side (a shift of up to 1/8, whole pixels, zero filled) and a flip. The size is kept.
    /// </summary>
    public static IAugmentation PaddedCrop() => new Compose(new Translate(0.125), new HorizontalFlip());

    /// <summary>SimCLR: crop (area 0.08–1), flip, jitter 0.8/0.8/0.8/0.2 (p 0.8), grayscale (p 0.2), blur σ 0.1–2 (p 0.5).</summary>
    public static IAugmentation SimClr((int Height, int Width)? size = null) =>
        new Compose(
            new RandomResizedCrop((0.08, 1), outputSize: size),
            new HorizontalFlip(),
            new RandomApply(0.8, new ColorJitter(0.8, 0.8, 0.8, 0.2)),
            new RandomGrayscale(0.2),
            new GaussianBlur(0.5));

    /// <summary>BYOL first view: crop (area 0.08–1), flip, jitter 0.4/0.4/0.2/0.1 (p 0.8), grayscale (p 0.2), blur always.</summary>
    public static IAugmentation ByolView1((int Height, int Width)? size = null) => ByolStyle((0.08, 1), size, 1.0, 0);

    /// <summary>BYOL second view: as <see cref="ByolView1"/> but blur with p 0.1 and solarize with p 0.2.</summary>
    public static IAugmentation ByolView2((int Height, int Width)? size = null) => ByolStyle((0.08, 1), size, 0.1, 0.2);

    /// <summary>DINO first global crop: as <see cref="ByolView1"/> with crop area 0.4–1.</summary>
    public static IAugmentation DinoGlobal1((int Height, int Width)? size = null) => ByolStyle((0.4, 1), size, 1.0, 0);

    /// <summary>DINO second global crop: as <see cref="ByolView2"/> with crop area 0.4–1.</summary>
    public static IAugmentation DinoGlobal2((int Height, int Width)? size = null) => ByolStyle((0.4, 1), size, 0.1, 0.2);

    /// <summary>DINO local crop: crop area 0.05–0.4 (typically to 96×96), blur with p 0.5, no solarize.</summary>
    public static IAugmentation DinoLocal((int Height, int Width)? size = null) => ByolStyle((0.05, 0.4), size, 0.5, 0);

    /// <summary>Jigsaw patch augmentation: jitter 0.4/0.4/0.4/0.1 always, then grayscale (p 0.3).</summary>
    public static IAugmentation JigsawPatch() =>
        new Compose(new ColorJitter(0.4, 0.4, 0.4, 0.1), new RandomGrayscale(0.3));

    private static Compose ByolStyle(
        (double Min, double Max) scale, (int Height, int Width)? size, double blur, double solarize) =>
        new(
            new RandomResizedCrop(scale, outputSize: size),
            new HorizontalFlip(),
            new RandomApply(0.8, new ColorJitter(0.4, 0.4, 0.2, 0.1)),
            new RandomGrayscale(0.2),
            new GaussianBlur(blur),
            new Solarize(solarize));
}
