using SelfishGen.Data;
using SelfishGen.Evaluation;
using SelfishGen.Modules;
using SelfishGen.Tests.Pretext;
using SelfishGen.Views;

namespace SelfishGen.Tests.Modules;

/// <summary>CPC's encoder applied to whole images: the patch encoder over the image's patch grid, features averaged.</summary>
public sealed class PatchGridEncoderTests
{
    private static readonly ImageShape Image = new(3, 16, 16);

    [Fact]
    public void An_image_s_features_are_the_mean_of_its_patches_features_and_the_maps_are_the_patch_grid()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        using var encoder = new PatchGridEncoder(new ConvNet(Image, width: 4, norm: NormKind.Layer), grid: 3);
        encoder.eval();
        var images = rand(2, 3, 16, 16);

        using var _ = no_grad();
        var patches = new PatchGrid(3).Cut(images); // 9 patches of 8×8 (stride 4) per image
        var perPatch = encoder.PatchEncoder.call(patches).view(2, 9, -1);

        Assert.Equal(new long[] { 18, 3, 8, 8 }, patches.shape);
        Assert.True(Steps.Close(images[1, .., 4..12, 8..16], patches[9 + 5]), "patch 5 of image 1 is not its second row's third patch");
        Assert.Equal(new long[] { 2, 16, 3, 3 }, encoder.FeatureMaps(images).shape);
        Assert.True(Steps.Close(encoder.call(images), perPatch.mean([1])), "the features are not the patches' mean");
        Assert.Equal(16, encoder.OutputFeatures);
    }

    [Fact]
    public void Evaluation_leaves_the_patch_encoder_in_the_mode_it_found_it_in()
    {
        using var patchEncoder = new ConvNet(Image, width: 4, norm: NormKind.Layer);
        using var encoder = new PatchGridEncoder(patchEncoder, grid: 3);
        using var images = Evaluation.InMemoryImageDataset.Clustered(4, 2, Image, patternSeed: 1, noiseSeed: 2);
        encoder.eval();
        patchEncoder.train(); // as the method's training leaves it, the wrapper not told

        using var features = FeatureExtractor.Extract(encoder, images);

        Assert.Equal(new long[] { 4, 16 }, features.Features.shape);
        Assert.True(patchEncoder.training, "evaluation left the patch encoder in eval mode");
        Assert.True(encoder.training);
    }

    [Fact]
    public void Replicate_builds_a_fresh_patch_encoder_over_the_same_grid()
    {
        using var encoder = new PatchGridEncoder(new ConvNet(Image, width: 4, norm: NormKind.Layer), grid: 3);

        using var copy = Assert.IsType<PatchGridEncoder>(encoder.Replicate(Image));

        Assert.Equal(3, copy.Grid);
        Assert.NotSame(encoder.PatchEncoder, copy.PatchEncoder);
        Assert.Equal(4, Assert.IsType<ConvNet>(copy.PatchEncoder).Width);
    }

    [Fact]
    public void Cpc_gives_its_trained_patch_encoder_over_its_grid_for_downstream_use()
    {
        var descriptor = MethodRegistry.Get("CPC");
        var options = OptionOverrides.Apply(descriptor, [new("Grid", "3"), new("Steps", "1"), new("ContextWidth", "8"), new("Backbone", "ConvNet")]);

        using var method = descriptor.Create(new DatasetInfo(new ImageShape(1, 28, 28), 8), options, backbone: null);

        var encoder = Assert.IsType<PatchGridEncoder>(method.GetBackbone());
        Assert.Same(method.Backbone, encoder.PatchEncoder);
        Assert.Equal(3, encoder.Grid);
        Assert.Equal(method.Backbone.parameters().Count(), encoder.parameters().Count());
    }
}
