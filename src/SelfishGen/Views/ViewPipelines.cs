using SelfishGen.Augmentations;
using SelfishGen.Data;

namespace SelfishGen.Views;

/// <summary>The <see cref="Augment"/> pipeline behind each <see cref="ViewAugmentation"/>, sized to the data.</summary>
public static class ViewPipelines
{
    /// <summary>The pipeline of <paramref name="view"/>, with crops resized to <paramref name="size"/> (the image size when null).</summary>
    public static IAugmentation Create(ViewAugmentation view, (int Height, int Width)? size = null) => view switch
    {
        ViewAugmentation.SimClr => Augment.SimClr(size),
        ViewAugmentation.MoCoV2 => Augment.MoCoV2(size),
        ViewAugmentation.ByolView1 => Augment.ByolView1(size),
        ViewAugmentation.ByolView2 => Augment.ByolView2(size),
        ViewAugmentation.DinoGlobal1 => Augment.DinoGlobal1(size),
        ViewAugmentation.DinoGlobal2 => Augment.DinoGlobal2(size),
        ViewAugmentation.InstDisc => Augment.InstanceDiscrimination(size),
        ViewAugmentation.Cmc => Augment.Cmc(size),
        ViewAugmentation.Cpc => Augment.Cpc(),
        ViewAugmentation.Jigsaw => new JigsawView(),
        ViewAugmentation.PaddedCrop => Augment.PaddedCrop(),
        _ => throw new ArgumentOutOfRangeException(nameof(view), view, null),
    };

    /// <summary>The side of a DINO local crop for images of <paramref name="shape"/>: 96/224 of each side, at least 4 pixels.</summary>
    public static (int Height, int Width) LocalCropSize(ImageShape shape) =>
        (Math.Max(4, (int)Math.Round(shape.Height * 96.0 / 224)), Math.Max(4, (int)Math.Round(shape.Width * 96.0 / 224)));
}
