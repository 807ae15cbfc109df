namespace SelfishGen;

/// <summary>The augmentation pipeline that makes one view of an image (see <see cref="ViewsAttribute"/>).</summary>
public enum ViewAugmentation
{
    /// <summary>SimCLR: strong crop, flip, strong colour jitter, grayscale, blur.</summary>
    SimClr,

    /// <summary>MoCo v2: crop, colour jitter, grayscale, blur, flip.</summary>
    MoCoV2,

    /// <summary>BYOL's first view: crop, flip, colour jitter, grayscale, blur always.</summary>
    ByolView1,

    /// <summary>BYOL's second view: as the first, with rare blur and some solarisation.</summary>
    ByolView2,

    /// <summary>DINO's first global crop (area 40–100 %).</summary>
    DinoGlobal1,

    /// <summary>DINO's second global crop (area 40–100 %), with rare blur and some solarisation.</summary>
    DinoGlobal2,

    /// <summary>Instance Discrimination and PIRL: crop, grayscale, colour jitter, flip.</summary>
    InstDisc,

    /// <summary>CMC: crop and flip only, colour kept whole for the L / ab split.</summary>
    Cmc,

    /// <summary>Three random operations of the CPC pool, elastic deformation and grayscale.</summary>
    Cpc,

    /// <summary>A crop of the image zero-padded by 1/8 of its side, and a flip: the light feeding of a pretext task (RotateNet).</summary>
    PaddedCrop,

    /// <summary>PIRL's 3×3 jigsaw: a crop of the image cut into tiles, each tile jittered on its own, shuffled; encoded tile by tile behind a projector per view.</summary>
    Jigsaw,
}
