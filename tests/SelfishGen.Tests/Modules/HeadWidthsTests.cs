using SelfishGen.Data;
using SelfishGen.Methods;
using SelfishGen.Modules;

namespace SelfishGen.Tests.Modules;

/// <summary>Projector widths declared for backbones of some features, scaled to the backbone a method is built on.</summary>
public sealed class HeadWidthsTests
{
    [Fact]
    public void Widths_declared_for_128_features_scale_with_the_backbone_s_features_and_0_keeps_them_as_declared()
    {
        var resNet = HeadWidths.Scaled([512, 512], 512, features: 512, declaredFor: 128);
        var efficientNet = HeadWidths.Scaled([512, 100], 3, features: 1280, declaredFor: 128);
        var asDeclared = HeadWidths.Scaled([512, 512], 512, features: 1280, declaredFor: 0);

        Assert.Equal([2048, 2048, 2048], [.. resNet.Hidden, resNet.Out]);
        Assert.Equal([5120, 1000, 30], [.. efficientNet.Hidden, efficientNet.Out]);
        Assert.Equal([512, 512, 512], [.. asDeclared.Hidden, asDeclared.Out]);
        Assert.Equal(1, HeadWidths.Scaled([], 1, features: 8, declaredFor: 128).Out);  // rounded, never below 1
    }

    [Fact]
    public void A_scale_that_would_build_a_head_of_billions_of_weights_is_refused_with_the_fix()
    {
        // ScaleWithFeatures = 1 on the ConvNet's 128 features: 128 → 131,072 → 131,072 → 16,384, 2·10¹⁰ weights.
        var error = Assert.Throws<ArgumentException>(() => HeadWidths.Scaled([1024, 1024], 128, features: 128, declaredFor: 1));

        Assert.Contains("ScaleWithFeatures = 1", error.Message);
        Assert.Contains("128 → 131072 → 131072 → 16384", error.Message);
        Assert.Contains("0 keeps them as declared", error.Message);
        var wide = HeadWidths.Scaled([1024, 1024], 128, features: 128, declaredFor: 8);  // 3·10⁸ weights: built
        Assert.Equal([16384, 16384, 2048], [.. wide.Hidden, wide.Out]);
    }

    [Theory]
    [InlineData("VICReg", BackboneKind.ConvNet, 1, 128, 512)]
    [InlineData("VICReg", BackboneKind.ResNet18, 3, 512, 2048)]
    [InlineData("BarlowTwins", BackboneKind.ResNet18, 3, 512, 2048)]
    public void Barlow_Twins_and_VICReg_build_projectors_4x_as_wide_as_their_backbone_s_features(
        string name, BackboneKind backbone, int channels, int features, int width)
    {
        var descriptor = MethodRegistry.Find(name)!;
        var options = OptionOverrides.Apply(descriptor, [new("Backbone", backbone.ToString())]);
        using var method = descriptor.Create(new DatasetInfo(new ImageShape(channels, 32, 32), 8), options, backbone: null);

        Assert.Equal([[width, features], [width, width], [width, width]], ProjectorWeightShapes(method));
    }

    [Fact]
    public void Setting_the_scale_to_0_keeps_the_declared_widths_on_any_backbone()
    {
        var options = OptionOverrides.Apply(VICReg.Descriptor, [new("Backbone", "ResNet18"), new("ProjectorScaleWithFeatures", "0")]);
        using var method = VICReg.Descriptor.Create(new DatasetInfo(new ImageShape(3, 32, 32), 8), options, backbone: null);

        Assert.Equal([[512, 512], [512, 512], [512, 512]], ProjectorWeightShapes(method));
    }

    /// <summary>The shapes of the projector's linear layers' weights (out, in), first layer first.</summary>
    private static List<long[]> ProjectorWeightShapes(SelfSupervisedMethod method) =>
        [.. method.named_parameters().Where(p => p.name.StartsWith("projector.") && p.parameter.dim() == 2).Select(p => p.parameter.shape)];
}
