using SelfishGen.Data;
using SelfishGen.Modules;
using SelfishGen.Pretext;
using SelfishGen.Tests.Pretext;

namespace SelfishGen.Tests.Modules;

public sealed class LabSplitBackboneTests
{
    private static readonly ImageShape Colour = new(3, 8, 8);

    [Fact]
    public void Features_are_both_halves_encoded_from_the_inputs_the_pretext_trains_them_on()
    {
        using var scope = NewDisposeScope();
        using var backbone = new LabSplitBackbone(new ConvNet(Colour with { Channels = 1 }, width: 4), new ConvNet(Colour with { Channels = 2 }, width: 4));
        backbone.eval();
        var images = rand(2, 3, 8, 8);

        var sample = new ColorSplitPretext(Colour).Apply(Steps.Batch(images), Steps.Context());
        var halves = cat([backbone.Lightness.FeatureMaps(sample.Lightness), backbone.Color.FeatureMaps(sample.Color)], 1);

        Assert.True(Steps.Close(backbone.FeatureMaps(images), halves), "the feature maps are not L's then ab's");
        Assert.Equal(new long[] { 2, 32 }, backbone.call(images).shape);
        Assert.Equal(32, backbone.OutputFeatures);
    }

    [Fact]
    public void For_builds_the_options_backbone_for_L_and_a_copy_of_it_for_ab()
    {
        using var backbone = LabSplitBackbone.For("SplitBrain", Colour, null, null);

        Assert.Equal(Colour, backbone.Input);
        Assert.Equal(new ImageShape(1, 8, 8), Assert.IsType<ConvNet>(backbone.Lightness).Input);
        Assert.Equal(new ImageShape(2, 8, 8), Assert.IsType<ConvNet>(backbone.Color).Input);
    }

    [Fact]
    public void For_a_custom_backbone_encodes_L_with_it_and_ab_with_a_copy()
    {
        var custom = new ConvNet(Colour with { Channels = 1 }, width: 4);

        using var backbone = LabSplitBackbone.For("SplitBrain", Colour, null, custom);

        Assert.Same(custom, backbone.Lightness);
        Assert.Equal(4, Assert.IsType<ConvNet>(backbone.Color).Width);
        Assert.Equal(2, backbone.Color.Input.Channels);
        Assert.Same(backbone, LabSplitBackbone.For("SplitBrain", Colour, null, backbone));
    }

    [Fact]
    public void Grayscale_images_and_a_colour_custom_backbone_are_refused_with_the_fix()
    {
        var grayscale = Assert.Throws<ArgumentException>(() => LabSplitBackbone.For("SplitBrain", new ImageShape(1, 8, 8), null, null));
        var colourBackbone = Assert.Throws<ArgumentException>(() => LabSplitBackbone.For("SplitBrain", Colour, null, new ConvNet(Colour)));

        Assert.Contains("SplitBrain needs colour images", grayscale.Message);
        Assert.Contains("build it for 1-channel images", colourBackbone.Message);
    }
}
