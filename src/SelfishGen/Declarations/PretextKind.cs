namespace SelfishGen;

/// <summary>The pretext task that turns unlabelled images into network inputs and targets.</summary>
public enum PretextKind
{
    /// <summary>Each image is shown at 0°, 90°, 180° and 270°; the target is the rotation's index.</summary>
    Rotation,

    /// <summary>Each image is cut into a grid of patches shuffled by a permutation; the target is the permutation's index.</summary>
    Jigsaw,

    /// <summary>A fixed set of images, each its own class, is shown heavily augmented; the target is the image's class.</summary>
    Exemplar,

    /// <summary>The image with a fraction of its pixels dropped is the input; the clean image is the target.</summary>
    Denoise,

    /// <summary>The image with random blocks erased is the input; the clean image is the target inside the blocks.</summary>
    Inpaint,

    /// <summary>A random latent code per image: a generator maps codes to images, the encoder maps images to codes.</summary>
    Latent,

    /// <summary>
    /// Each colour image is split into its lightness L and colour ab (CIE Lab); each half is the input that predicts
    /// the other half's quantised values, pixel by pixel.
    /// </summary>
    ColorSplit,
}
