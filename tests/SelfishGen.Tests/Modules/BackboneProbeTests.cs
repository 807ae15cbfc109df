using SelfishGen.Data;
using SelfishGen.Modules;

namespace SelfishGen.Tests.Modules;

public sealed class BackboneProbeTests
{
    [Fact]
    public void Measures_the_feature_maps_at_the_backbone_input_or_a_given_one()
    {
        var convNet = new ConvNet(new ImageShape(1, 28, 28), width: 8);
        Assert.Equal(new ImageShape(32, 7, 7), BackboneProbe.FeatureMapShape(convNet));
        Assert.Equal(new ImageShape(32, 4, 5), BackboneProbe.FeatureMapShape(convNet, new ImageShape(1, 16, 20)));
        Assert.Equal(new ImageShape(1280, 2, 3), BackboneProbe.FeatureMapShape(new EfficientNetB0(new ImageShape(3, 64, 96))));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Leaves_the_backbone_in_its_mode(bool training)
    {
        var backbone = new ConvNet(new ImageShape(1, 16, 16), width: 8);
        backbone.train(training);
        BackboneProbe.FeatureMapShape(backbone);
        Assert.Equal(training, backbone.training);
    }
}
