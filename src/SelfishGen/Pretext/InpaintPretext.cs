using SelfishGen.Augmentations;
using SelfishGen.Data;
using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;

namespace SelfishGen.Pretext;

/// <summary>
/// Context-encoder inpainting (Pathak et al., 2016) with random blocks: each of <see cref="Blocks"/> rectangles is
/// erased (set to 0 in every channel) with probability <see cref="Probability"/>; the network restores the image.
/// </summary>
public sealed class InpaintPretext
{
    private readonly RandomErasing _erasing;

    /// <summary>Creates the task; the defaults are the original's: 10 tries of p 0.3, area 5–10 %, ratio 0.3–3.3.</summary>
    /// <param name="probability">Chance that each block is erased.</param>
    /// <param name="blocks">Number of blocks tried per image (they may overlap).</param>
    /// <param name="scale">Range of a block's area as a fraction of the image; (0.05, 0.1) when null.</param>
    /// <param name="ratio">Range of a block's aspect ratio; (0.3, 3.3) when null.</param>
    public InpaintPretext(double probability = 0.3, int blocks = 10, (double Min, double Max)? scale = null, (double Min, double Max)? ratio = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(blocks);
        _erasing = new RandomErasing(probability, scale ?? (0.05, 0.1), ratio ?? (0.3, 3.3), blocks);
    }

    /// <summary>Chance that each block is erased.</summary>
    public double Probability => _erasing.Probability;

    /// <summary>Number of blocks tried per image.</summary>
    public int Blocks => _erasing.Count;

    /// <summary>The erased images, the clean ones and the mask of the erased pixels.</summary>
    public InpaintBatch Apply(Batch batch, TrainingContext context)
    {
        var images = batch.Images;
        var kept = _erasing.Apply(ones([images.shape[0], 1, images.shape[2], images.shape[3]], images.dtype, images.device), context.Random);
        return new InpaintBatch(images * kept, images, kept.SubtractedFrom(One));
    }
}
