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
}
