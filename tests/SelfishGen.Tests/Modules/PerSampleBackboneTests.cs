using SelfishGen.Data;
using SelfishGen.Modules;

namespace SelfishGen.Tests.Modules;

/// <summary>CPC's patch encoder normalises per sample: no patch's features depend on the other patches of its batch.</summary>
public sealed class PerSampleBackboneTests
{
    private static readonly ImageShape Patch = new(3, 16, 16);

    [Theory]
    [InlineData(BackboneKind.ConvNet)]
    [InlineData(BackboneKind.ResNet18)]
    [InlineData(BackboneKind.EfficientNetB0)]
    public void An_image_encodes_the_same_alone_as_in_a_batch(BackboneKind kind)
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        var backbone = Backbones.PerSample(Patch, new global::SelfishGen.Methods.CPC.Options { Backbone = kind }, custom: null);
        backbone.train();
        StochasticDepth.TurnOffIn(backbone); // EfficientNet's random drops are per sample too, but not what is compared here
        var images = rand(6, 3, 16, 16);

        using var _ = no_grad();
        var alone = backbone.call(images[..1]);
        var inBatch = backbone.call(images)[..1];

        Assert.DoesNotContain(backbone.modules(), module => module is TorchSharp.Modules.BatchNorm);
        Assert.True(allclose(alone, inBatch, rtol: 1e-4, atol: 1e-5));
    }

    [Fact]
    public void A_custom_backbone_with_batch_norm_is_refused_with_the_fix()
    {
        var error = Assert.Throws<ArgumentException>(() => Backbones.PerSample(Patch, null, new ConvNet(Patch, width: 4)));

        Assert.Contains("norm: NormKind.Layer", error.Message);
    }

    [Fact]
    public void Cpc_builds_its_default_encoder_without_batch_norm()
    {
        var descriptor = MethodRegistry.Get("CPC");
        var options = OptionOverrides.Apply(descriptor, [new("Grid", "3"), new("Steps", "1"), new("ContextWidth", "8"), new("Backbone", "ConvNet")]);

        using var method = descriptor.Create(new DatasetInfo(new ImageShape(1, 28, 28), 8), options, backbone: null);

        Assert.DoesNotContain(method.GetBackbone().modules(), module => module is TorchSharp.Modules.BatchNorm);
    }
}
