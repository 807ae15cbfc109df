using SelfishGen.Cli.Benchmarks;
using SelfishGen.Methods;
using SelfishGen.Modules;

namespace SelfishGen.Tests.Benchmarks;

public sealed class MethodSpecTests
{
    [Fact]
    public void Overrides_after_the_name_reach_the_options_with_the_backbone()
    {
        var spec = MethodSpec.Parse("rotatenet:Hidden=:LabelSmoothing=0.1");

        var options = Assert.IsType<RotateNet.Options>(spec.Options(BackboneKind.ConvNet));

        Assert.Equal("RotateNet", spec.Name);
        Assert.Empty(options.Hidden);
        Assert.Equal(0.1, options.LabelSmoothing);
        Assert.Equal(BackboneKind.ConvNet, options.Backbone);
        Assert.Equal("RotateNet[Hidden=,LabelSmoothing=0.1]", spec.Label);
    }

    [Fact]
    public void Quality_defaults_to_every_registered_method()
    {
        var names = MethodSpec.AllRegistered().Select(s => s.Name);

        Assert.Equal(MethodRegistry.All.Select(m => m.Name), names);
    }

    [Fact]
    public void Speed_defaults_to_registered_methods_with_a_pytorch_reference_at_their_defaults_and_the_full_sweep_to_all_of_them()
    {
        var quick = MethodSpec.WithPyTorchReference(all: false);
        var full = MethodSpec.WithPyTorchReference(all: true);

        Assert.Equal(["RotateNet", "SimCLR", "BYOL", "MoCo"], quick.Select(s => s.Name));
        Assert.Equal(["RotateNet", "SimCLR", "BYOL", "MoCo", "BarlowTwins"], full.Select(s => s.Name));
        Assert.All(full, spec => Assert.Empty(spec.Overrides));
        Assert.True(PyTorchReference.Implements("simclr"));
        Assert.False(PyTorchReference.Implements("SimSiam"));
    }

    [Fact]
    public void Median_of_an_even_count_is_the_mean_of_the_middle_two() =>
        Assert.Equal(2.5, Statistics.Median([4, 1, 3, 2]));
}
