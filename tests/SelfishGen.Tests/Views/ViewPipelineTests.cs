using SelfishGen.Data;
using SelfishGen.Augmentations;
using SelfishGen.Tests.Augmentations;
using SelfishGen.Views;

namespace SelfishGen.Tests.Views;

/// <summary>The views methods are fed are the papers' (issue 10): what each pipeline does to the images, measured.</summary>
public sealed class ViewPipelineTests
{
    private const int Count = 256;

    [Fact]
    public void Cmc_views_keep_every_image_in_colour_for_the_L_and_ab_split()
    {
        using var scope = NewDisposeScope();
        var images = SaturatedColours();

        var cmc = Chroma(Seeded.Apply(ViewPipelines.Create(ViewAugmentation.Cmc), images));
        var cpc = Chroma(Seeded.Apply(ViewPipelines.Create(ViewAugmentation.Cpc), images));

        Assert.True(cmc.min().ToSingle() > 10, $"a CMC view lost its colour: least mean |ab| {cmc.min().ToSingle()}");
        // The CPC pool CMC was fed before turns a quarter of the images grey (an empty ab view).
        Assert.True(cpc.lt(1).sum().ToInt64() > Count / 8);
    }

    [Fact]
    public void Padded_crops_shift_by_at_most_an_eighth_fill_with_zeros_and_flip_half_the_images()
    {
        using var scope = NewDisposeScope();
        // A white 32-pixel image with a black left half: a flip moves the black half to the right.
        var images = ones(Count, 1, 32, 32);
        images[.., .., .., ..16] = zeros(Count, 1, 32, 16);

        var views = Seeded.Apply(ViewPipelines.Create(ViewAugmentation.PaddedCrop), images);

        Assert.Equal(images.shape, views.shape);
        // What stays white is one (32 - |dy|) x (16 - |dx| or 16) block, the rest zeros: at most 4 rows lost, 12-16 columns kept.
        var whiteRows = views.amax([1, 3]).gt(0.5f).sum(1);
        Assert.InRange(whiteRows.min().ToInt64(), 28, 32);
        var whiteColumns = views.amax([1, 2]).gt(0.5f).sum(1);
        Assert.InRange(whiteColumns.min().ToInt64(), 12, 16);
        Assert.InRange(whiteColumns.max().ToInt64(), 12, 16);
        Assert.True(whiteRows.lt(32).any().ToBoolean(), "no image was shifted vertically");
        // The white half is on the right unless flipped: about half the images have it on the left.
        var flipped = views[.., 0, 16, ..16].mean([1]).gt(0.5f).to(float32).mean().ToSingle();
        Assert.InRange(flipped, 0.35f, 0.65f);
    }

    [Fact]
    public void Instance_discrimination_views_crop_jitter_and_sometimes_drop_colour()
    {
        using var scope = NewDisposeScope();
        // An orange image with a white square in its top-left corner.
        var images = tensor(new[] { 0.7f, 0.4f, 0.2f }).view(1, 3, 1, 1).expand(Count, 3, 32, 32).contiguous();
        images[.., .., ..6, ..6] = ones(Count, 3, 6, 6);

        var views = Seeded.Apply(ViewPipelines.Create(ViewAugmentation.InstDisc), images);

        var grey = (views.amax(1) - views.amin(1)).amax([1, 2]).lt(1e-3f);
        var greyShare = grey.to(float32).mean().ToSingle();
        Assert.InRange(greyShare, 0.1f, 0.3f);
        var squareKept = views.amax([1, 2, 3]).gt(0.9f);
        Assert.InRange(squareKept.to(float32).mean().ToSingle(), 0.1f, 0.9f);
        var backgrounds = views[.., .., 16.., 16..].mean([1, 2, 3]);
        Assert.True(backgrounds.std().ToSingle() > 0.02f, "the colour jitter should change the background's brightness");
    }

    [Fact]
    public void Pirl_jigsaw_views_are_shuffled_tiles_in_the_image_range_each_jittered_on_its_own()
    {
        using var scope = NewDisposeScope();
        var images = SaturatedColours();

        var views = Seeded.Apply(ViewPipelines.Create(ViewAugmentation.Jigsaw), images);

        // 3 × round(0.75 · 24 / 3) = 18 pixels a side; the image's value range, not standardised tiles.
        Assert.Equal(new long[] { Count, 3, 18, 18 }, views.shape);
        Assert.True(views.min().ToSingle() >= 0 && views.max().ToSingle() <= 1, $"values in [{views.min().ToSingle()}, {views.max().ToSingle()}]");
        // Each tile is jittered (and sometimes turned grey) on its own: the tiles of one image differ in brightness.
        var tiles = JigsawTiling.Split(views, JigsawView.Grid);
        var tileMeans = tiles.mean([2, 3, 4]);
        Assert.True(tileMeans.std(1).mean().ToSingle() > 0.02f, "the tiles of an image should be jittered apart");
        var greyTiles = (tiles.amax(2) - tiles.amin(2)).amax([2, 3]).lt(1e-3f).to(float32).mean().ToSingle();
        Assert.InRange(greyTiles, 0.15f, 0.45f);
    }

    [Fact]
    public void Drawing_views_leaves_only_the_views_in_the_callers_dispose_scope()
    {
        using var images = SaturatedColours();
        var views = new AugmentedViews(new ImageShape(3, 24, 24), [ViewAugmentation.ByolView1, ViewAugmentation.ByolView2], localCrops: 2);
        using var random = Seeded.Random(5);
        using var scope = NewDisposeScope();

        var drawn = views.Apply(images, random);

        Assert.Equal(4, drawn.Count);
        Assert.Equal(drawn, scope.DisposablesView.OfType<Tensor>().Where(t => !t.IsInvalid));
    }

    // Mean |a| + |b| of each image in Lab.
    private static Tensor Chroma(Tensor rgb) => ColorSpace.RgbToLab(rgb).narrow(1, 1, 2).abs().mean([1, 2, 3]);

    // Every image one saturated colour with a lighter stripe: colour everywhere, and an edge for the crops.
    private static Tensor SaturatedColours()
    {
        using var random = Seeded.Random(3);
        var hues = rand(Count, generator: random);
        var colours = stack([hues, (hues + 0.33f).remainder(1), (hues + 0.66f).remainder(1)], 1).mul(2).sub(1).abs();
        var images = colours.view(Count, 3, 1, 1).expand(Count, 3, 24, 24).contiguous();
        images[.., .., 8..12, ..] = images[.., .., 8..12, ..] * 0.5f + 0.5f;
        return images;
    }
}
