using SelfishGen.Data;
using SelfishGen.Modules;
using SelfishGen.State;

namespace SelfishGen.Tests.State;

public sealed class MomentumEncoderTests
{
    private static MlpHead Network() => new(3, [4], 2);

    private static Dictionary<string, Tensor> Snapshot(nn.Module module) =>
        module.state_dict().ToDictionary(p => p.Key, p => p.Value.detach().clone());

    [Fact]
    public void The_target_starts_as_a_frozen_copy_of_the_online_network()
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        var online = Network();
        var encoder = new MomentumEncoder(online, Network());

        var expected = online.state_dict();
        foreach (var (name, value) in encoder.Target.state_dict()) TensorAssert.Identical(expected[name], value, name);
        Assert.All(encoder.Target.parameters(), p => Assert.False(p.requires_grad));
        Assert.False(encoder.call(randn(5, 3)).requires_grad);
    }

    [Fact]
    public void An_update_averages_parameters_and_float_buffers_and_copies_integer_buffers()
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        var online = Network();
        var encoder = new MomentumEncoder(online, Network());
        online.train();
        using (no_grad())
        {
            for (var i = 0; i < 3; i++) online.call(randn(8, 3).add_(i));
            foreach (var parameter in online.parameters()) parameter.add_(randn_like(parameter));
        }
        var before = Snapshot(encoder.Target);
        var current = online.state_dict();

        encoder.Update(0.9);

        var after = encoder.Target.state_dict();
        Assert.Contains(after, p => p.Key.EndsWith("running_mean"));
        foreach (var (name, value) in after)
        {
            var expected = value.is_floating_point() ? 0.9 * before[name] + 0.1 * current[name] : current[name];
            Assert.True(allclose(value, expected, rtol: 1e-6, atol: 1e-7), name);
        }
        Assert.Equal(3, after.Single(p => p.Key.EndsWith("num_batches_tracked")).Value.ToInt64());
    }

    [Fact]
    public void The_target_runs_without_stochastic_depth_while_the_online_network_keeps_it()
    {
        using var scope = NewDisposeScope();
        manual_seed(9);
        var shape = new ImageShape(3, 16, 16);
        var online = new EfficientNetB0(shape, dropConnect: 0.5);
        var encoder = new MomentumEncoder(online, new EfficientNetB0(shape, dropConnect: 0.5));
        encoder.train();
        using var images = rand(4, 3, 16, 16);

        TensorAssert.Identical(encoder.call(images), encoder.call(images));
        using (no_grad())
            Assert.False(online.call(images).equal(online.call(images)).all().item<bool>(), "the online network should drop blocks at random");
    }

    [Fact]
    public void A_target_built_differently_is_rejected() =>
        Assert.Throws<ArgumentException>(() => new MomentumEncoder(Network(), new MlpHead(3, [5], 2)));

    [Fact]
    public void Save_then_load_restores_the_target_exactly()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        var online = Network();
        var saved = new MomentumEncoder(online, Network());
        using (no_grad()) foreach (var parameter in online.parameters()) parameter.add_(1);
        saved.Update(0.5);

        var restored = new MomentumEncoder(Network(), Network());
        SavedModule.CopyThroughFile(saved, restored);

        var expected = saved.Target.state_dict();
        foreach (var (name, value) in restored.Target.state_dict()) TensorAssert.Identical(expected[name], value, name);
    }
}
