using SelfishGen.Methods;
using SelfishGen.Modules;

namespace SelfishGen.Tests.Training;

public sealed class OptionOverridesTests
{
    private static MethodOptions Apply(string name, string value) => OptionOverrides.Apply(BiGAN.Descriptor, [new(name, value)]);

    [Theory]
    [InlineData("Normal", LatentDistribution.Normal)]
    [InlineData("normal", LatentDistribution.Normal)]
    [InlineData("UNIFORM", LatentDistribution.Uniform)]
    public void An_enum_value_is_read_by_member_name_ignoring_case(string value, LatentDistribution expected) =>
        Assert.Equal(expected, ((BiGAN.Options)Apply("distribution", value)).Distribution);

    [Theory]
    [InlineData("Gaussian")]
    [InlineData("1")]
    [InlineData("")]
    public void Any_other_enum_value_is_refused_with_the_allowed_names(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => Apply("Distribution", value));

        Assert.Equal($"'{value}' is not a valid value for BiGAN.Distribution: use one of Uniform, Normal.", error.Message);
    }

    [Fact]
    public void The_backbone_is_an_enum_option_too() =>
        Assert.Equal(BackboneKind.ResNet18, Apply("Backbone", "resnet18").Backbone);

    [Fact]
    public void Numbers_and_arrays_are_still_read_as_numbers()
    {
        var options = (RotateNet.Options)OptionOverrides.Apply(RotateNet.Descriptor, [new("Hidden", "16, 8"), new("LabelSmoothing", "0.25")]);

        Assert.Equal([16, 8], options.Hidden);
        Assert.Equal(0.25, options.LabelSmoothing);
    }

    [Fact]
    public void Views_are_read_as_member_names_ignoring_case()
    {
        var options = (SimCLR.Options)OptionOverrides.Apply(SimCLR.Descriptor, [new("views", "mocov2, SimClr")]);

        Assert.Equal([ViewAugmentation.MoCoV2, ViewAugmentation.SimClr], options.Views);
    }

    [Theory]
    [InlineData("SimCLR", "SimClr", "Views must name 2 views, as declared (SimClr,SimClr), not 1: the method is built for that many.")]
    [InlineData("SimCLR", "SimClr,SimClr,SimClr", "Views must name 2 views, as declared (SimClr,SimClr), not 3: the method is built for that many.")]
    [InlineData("RotateNet", "", "Views must name 1 view, as declared (PaddedCrop), not 0: the method is built for that many.")]
    [InlineData("PIRL", "InstDisc,SimClr", "Views must keep the Jigsaw view declared at view 2 (InstDisc,Jigsaw), not SimClr: it is encoded tile by tile.")]
    [InlineData("PIRL", "Jigsaw,Jigsaw", "Views cannot make view 1 a Jigsaw view (Jigsaw,Jigsaw): only a view declared Jigsaw is encoded tile by tile.")]
    [InlineData("SimCLR", "SimClr,Blur", "'Blur' is not a valid value for SimCLR.Views: use one of SimClr, MoCoV2, ByolView1, ByolView2, DinoGlobal1, DinoGlobal2, InstDisc, Cmc, Cpc, PaddedCrop, Jigsaw.")]
    public void Views_that_do_not_fit_the_declaration_are_refused_saying_why(string method, string views, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => OptionOverrides.Apply(MethodRegistry.Get(method), [new("Views", views)]));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_view_that_is_no_member_is_refused_when_the_options_are_validated() =>
        Assert.Contains("Views has no augmentation 99", Assert.Throws<ArgumentException>(
            () => new SimCLR.Options { Views = [ViewAugmentation.SimClr, (ViewAugmentation)99] }.EnsureValid<SimCLR.Options>()).Message);
}
