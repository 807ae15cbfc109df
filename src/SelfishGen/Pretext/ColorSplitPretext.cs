using SelfishGen.Augmentations;
using SelfishGen.Data;
using static TorchSharp.torch;

namespace SelfishGen.Pretext;

/// <summary>
/// Split-brain cross-channel prediction (Zhang et al., 2017): RGB images become CIE Lab; one branch sees L and
/// classifies every pixel's quantised ab, the other sees ab and classifies every pixel's quantised L.
/// </summary>
public sealed class ColorSplitPretext
{
    /// <summary>Creates the task for images of <paramref name="input"/> shape, which must have three channels.</summary>
    /// <param name="input">The shape of the training images.</param>
    /// <param name="lightnessBinSize">Width of an L class (the original's 2: 50 classes).</param>
    /// <param name="colorBinSize">Side of an ab cell: the original's 26.</param>
    /// <param name="colorRange">
    /// Half-width of the quantised a and b range: 117 = 4.5 cells, so 9×9 = 81 classes (the original's 9 bins per axis,
    /// without its collision) with neutral grey at the centre of a cell rather than on a bin edge.
    /// </param>
    /// <exception cref="ArgumentException">The images are not colour images.</exception>
    public ColorSplitPretext(ImageShape input, double lightnessBinSize = 2, double colorBinSize = 26, double colorRange = 117)
    {
        RequireColor(input.Channels);
        Quantizer = new LabQuantizer(lightnessBinSize, colorBinSize, colorRange);
    }

    /// <summary>The quantiser of the targets.</summary>
    public LabQuantizer Quantizer { get; }

    /// <summary>Number of L classes (the ab → L branch's outputs).</summary>
    public int LightnessClassCount => Quantizer.LightnessBinCount;

    /// <summary>Number of ab classes (the L → ab branch's outputs).</summary>
    public int ColorClassCount => Quantizer.ColorBinCount;

    /// <summary>
    /// Both halves of the batch's images, scaled as <see cref="ColorSpace.ScaledLightness"/> and
    /// <see cref="ColorSpace.ScaledColor"/>, and both branches' pixel classes.
    /// </summary>
    /// <exception cref="ArgumentException">The images are not colour images.</exception>
    public ColorSplitBatch Apply(Batch batch, TrainingContext context)
    {
        RequireColor(batch.Images.shape[1]);
        var lab = ColorSpace.RgbToLab(batch.Images);
        return new ColorSplitBatch(
            ColorSpace.ScaledLightness(lab),
            ColorSpace.ScaledColor(lab),
            Quantizer.QuantizeColor(lab.narrow(1, 1, 2)),
            Quantizer.QuantizeLightness(lab.select(1, 0)));
    }

    private static void RequireColor(long channels) => Modules.LabSplitBackbone.RequireColor("SplitBrain", channels);
}
