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

    /// <summary>
    /// The problem of <paramref name="views"/> as a method's choice of views (its <c>Views</c> option), or null when it
    /// fits the <paramref name="declared"/> ones: as many, each a <see cref="ViewAugmentation"/> member, and a
    /// <see cref="ViewAugmentation.Jigsaw"/> view exactly where one is declared (the objective and its projectors are
    /// built for the declared views; a jigsaw view is encoded tile by tile).
    /// </summary>
    public static string? ChoiceProblem(IReadOnlyList<ViewAugmentation>? views, IReadOnlyList<ViewAugmentation> declared)
    {
        var declaredText = string.Join(",", declared);
        if (views is null || views.Count != declared.Count)
            return $"Views must name {declared.Count} view{(declared.Count == 1 ? "" : "s")}, as declared ({declaredText}), not {views?.Count ?? 0}: the method is built for that many.";
        for (var i = 0; i < views.Count; i++)
        {
            if (!Enum.IsDefined(views[i]))
                return $"Views has no augmentation {(int)views[i]}: use {string.Join(", ", Enum.GetNames<ViewAugmentation>())}.";
            if ((views[i] == ViewAugmentation.Jigsaw) != (declared[i] == ViewAugmentation.Jigsaw))
                return declared[i] == ViewAugmentation.Jigsaw
                    ? $"Views must keep the Jigsaw view declared at view {i + 1} ({declaredText}), not {views[i]}: it is encoded tile by tile."
                    : $"Views cannot make view {i + 1} a Jigsaw view ({string.Join(",", views)}): only a view declared Jigsaw is encoded tile by tile.";
        }
        return null;
    }

    /// <summary>The side of a DINO local crop for images of <paramref name="shape"/>: 96/224 of each side, at least 4 pixels.</summary>
    public static (int Height, int Width) LocalCropSize(ImageShape shape) =>
        (Math.Max(4, (int)Math.Round(shape.Height * 96.0 / 224)), Math.Max(4, (int)Math.Round(shape.Width * 96.0 / 224)));
}
