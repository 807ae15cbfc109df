namespace SelfishGen;

/// <summary>Declares a projection head, an MLP from the backbone's features to the embeddings the objective compares.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ProjectorAttribute : Attribute
{
    /// <summary>Widths of the hidden layers (each Linear → BatchNorm → ReLU).</summary>
    public int[] Hidden { get; set; } = [2048];

    /// <summary>Width of the embedding.</summary>
    public int Out { get; set; } = 128;

    /// <summary>
    /// The backbone features <see cref="Hidden"/> and <see cref="Out"/> are declared for: on a backbone of other
    /// features each width is scaled by their ratio (Barlow Twins' and VICReg's projectors, 4× the backbone's features
    /// on any backbone); 0 (the default) for the widths as they are.
    /// </summary>
    public int ScaleWithFeatures { get; set; }

    /// <summary>Whether the embedding goes through a batch norm without scale or shift (SimSiam's projector).</summary>
    public bool OutputNorm { get; set; }

    /// <summary>Whether each view has its own projector (PIRL's f and g heads, CMC's two modalities) instead of one shared.</summary>
    public bool PerView { get; set; }
}
