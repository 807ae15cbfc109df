using SelfishGen.Data;
using SelfishGen.Modules;

namespace SelfishGen.Tests.Modules;

public class BackboneShapeTests
{
    public static TheoryData<int, int, int> Shapes => new()
    {
        { 1, 28, 28 }, { 3, 28, 28 },
        { 1, 32, 32 }, { 3, 32, 32 },
        { 3, 48, 48 },
        { 1, 32, 40 }, { 3, 32, 40 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void ConvNet_gives_one_feature_vector_per_image(int channels, int height, int width)
    {
        using var backbone = new ConvNet(new ImageShape(channels, 28, 28));
        AssertPooledFeatures(backbone, channels, height, width);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void ResNet18_gives_one_feature_vector_per_image(int channels, int height, int width)
    {
        using var backbone = new ResNet18(new ImageShape(channels, 32, 32));
        AssertPooledFeatures(backbone, channels, height, width);
    }

    [Theory]
    [InlineData(28, BackboneKind.ConvNet)]
    [InlineData(32, BackboneKind.ResNet18)]
    [InlineData(63, BackboneKind.ResNet18)]
    [InlineData(64, BackboneKind.EfficientNetB0)]
    [InlineData(224, BackboneKind.EfficientNetB0)]
    public void Auto_picks_the_backbone_from_the_smaller_side(int side, BackboneKind expected)
    {
        Assert.Equal(expected, Backbones.Resolve(BackboneKind.Auto, new ImageShape(3, side, 2 * side)));
        Assert.Equal(BackboneKind.ConvNet, Backbones.Resolve(BackboneKind.ConvNet, new ImageShape(3, side, side)));
    }

    [Theory]
    [InlineData(BackboneKind.ConvNet, 128)]
    [InlineData(BackboneKind.ResNet18, 512)]
    public void Feature_maps_have_OutputFeatures_channels(BackboneKind kind, int outputFeatures)
    {
        using var scope = NewDisposeScope();
        using var backbone = Backbones.Create(kind, new ImageShape(3, 32, 32));

        var maps = backbone.FeatureMaps(rand(2, 3, 32, 32));

        Assert.Equal(outputFeatures, backbone.OutputFeatures);
        Assert.Equal(4, maps.dim());
        Assert.Equal(new long[] { 2, outputFeatures }, maps.shape[..2]);
    }

    private static void AssertPooledFeatures(Backbone backbone, int channels, int height, int width)
    {
        using var scope = NewDisposeScope();
        var features = backbone.call(rand(2, channels, height, width));

        Assert.Equal(new long[] { 2, backbone.OutputFeatures }, features.shape);
        Assert.True(features.isfinite().all().item<bool>());
    }
}
