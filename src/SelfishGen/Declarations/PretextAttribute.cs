namespace SelfishGen;

/// <summary>
/// Declares the pretext task of a <see cref="SelfSupervisedMethod"/>: how inputs and targets are made. Each property
/// applies to the kinds named in its documentation only.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class PretextAttribute(PretextKind kind) : Attribute
{
    /// <summary>The pretext task.</summary>
    public PretextKind Kind { get; } = kind;

    /// <summary>Jigsaw: cells per side of the puzzle, at least 2.</summary>
    public int Grid { get; set; } = 2;

    /// <summary>Jigsaw: number of permutation classes, at most Grid²!; 0 for all 24 of a 2×2 grid, or 1000 for larger grids.</summary>
    public int Permutations { get; set; }

    /// <summary>Jigsaw: side of each patch as a fraction of its cell's side, in (0, 1].</summary>
    public double CropFraction { get; set; } = 0.9;

    /// <summary>
    /// Jigsaw: whether the backbone encodes each tile on its own and a layer combines the tile features in the
    /// puzzle's order (the paper's context-free network), so that no convolution sees across a tile border; otherwise
    /// the backbone encodes the reassembled puzzle as one image (the original's way).
    /// </summary>
    public bool TileByTile { get; set; }

    /// <summary>
    /// Jigsaw: whether each tile is resized (bilinear) to the images' size and encoded on its own, as with
    /// <see cref="TileByTile"/> (which it implies). On small images, whose tiles are a few pixels wide, the backbone then
    /// learns at the resolution and map sizes it encodes whole images at; each tile costs a whole image's forward pass.
    /// </summary>
    public bool ResizeTiles { get; set; }

    /// <summary>
    /// Exemplar: number of surrogate classes (images drawn from the dataset), at least 1. The paper's 8,000 leave each
    /// class about 60 views in 10 CIFAR-10 epochs, too few to learn from; 1,000 give each about 500.
    /// </summary>
    public int Classes { get; set; } = 1000;

    /// <summary>Jigsaw and Exemplar: seed of the permutation set or of the choice of exemplar images.</summary>
    public int Seed { get; set; }

    /// <summary>Denoise: fraction of pixels set to 0, in [0, 1).</summary>
    public double DropRate { get; set; } = 0.7;

    /// <summary>Denoise: whether each channel of a pixel is dropped independently.</summary>
    public bool PerChannel { get; set; }

    /// <summary>
    /// Denoise: side in pixels of the square blocks dropped together, at least 1 (1 drops single pixels, the
    /// original's way; larger blocks cannot be filled in from neighbouring pixels alone).
    /// </summary>
    public int BlockSize { get; set; } = 1;

    /// <summary>Inpaint: chance that each block is erased, in (0, 1].</summary>
    public double Probability { get; set; } = 0.3;

    /// <summary>Inpaint: number of blocks tried per image, at least 1.</summary>
    public int Blocks { get; set; } = 10;

    /// <summary>Latent: length of the latent code, at least 1.</summary>
    public int Features { get; set; } = 200;

    /// <summary>Latent: the distribution latent codes are drawn from.</summary>
    public LatentDistribution Distribution { get; set; } = LatentDistribution.Uniform;

    /// <summary>
    /// Latent: whether the encoder's linear head reads the backbone's feature maps flattened (C·h·w values, as the
    /// papers' encoders end in a fully connected layer over their last convolutions) rather than its pooled features.
    /// </summary>
    public bool FlattenedMaps { get; set; }

    /// <summary>Denoise: standard deviation of the Gaussian noise added after dropping, at least 0.</summary>
    public double NoiseSigma { get; set; }

    /// <summary>ColorSplit: width of a lightness class over L in [0, 100], in (0, 50].</summary>
    public double LightnessBinSize { get; set; } = 2;

    /// <summary>ColorSplit: side of a colour cell over a and b in [−117, 117], in (0, 117].</summary>
    public double ColorBinSize { get; set; } = 26;
}
