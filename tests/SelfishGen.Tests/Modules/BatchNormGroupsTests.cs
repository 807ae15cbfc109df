using SelfishGen.Modules;
using SelfishGen.Tests.State;

namespace SelfishGen.Tests.Modules;

public sealed class BatchNormGroupsTests
{
    // Batch norm without affine parameters on one feature: each group's values come out standardised.
    private static nn.Module<Tensor, Tensor> Standardise() => nn.BatchNorm1d(1, affine: false);

    private static Tensor Values(int count) => arange(count, dtype: float32).reshape(count, 1);

    [Fact]
    public void Each_group_is_normalised_with_its_own_statistics()
    {
        using var scope = NewDisposeScope();
        var network = Standardise();

        var grouped = BatchNormGroups.Forward(network.call, Values(8), groups: 2);

        Assert.True(allclose(grouped[..4], grouped[4..], atol: 1e-5));
        Assert.False(allclose(grouped, network.call(Values(8)), atol: 1e-3));
    }

    [Fact]
    public void Shuffled_groups_return_each_image_s_output_in_its_own_row()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        var network = nn.Linear(1, 4);
        var images = randn(10, 1);

        var shuffled = BatchNormGroups.ForwardShuffled(network.call, images, groups: 5, new Generator(11));

        Assert.True(allclose(shuffled, network.call(images), atol: 1e-6));
    }

    [Fact]
    public void Shuffled_pairs_are_normalised_within_a_random_partner()
    {
        using var scope = NewDisposeScope();
        // Groups of two values: the larger of a pair comes out as +1, the smaller as -1.
        var ordered = BatchNormGroups.Forward(Standardise().call, Values(8), groups: 4);
        var shuffled = BatchNormGroups.ForwardShuffled(Standardise().call, Values(8), groups: 4, new Generator(1)).flatten();

        Assert.True(allclose(ordered.flatten(), tensor(new float[] { -1, 1, -1, 1, -1, 1, -1, 1 }), atol: 1e-3));
        Assert.True(allclose(shuffled.abs(), ones(8), atol: 1e-3));
        Assert.Equal(0, shuffled.sum().item<float>(), 3);
        Assert.Equal(-1, shuffled[0].item<float>(), 3);
        Assert.Equal(1, shuffled[7].item<float>(), 3);
        Assert.False(allclose(shuffled, ordered.flatten(), atol: 1e-3));
    }

    [Fact]
    public void The_same_generator_state_gives_the_same_shuffle()
    {
        using var scope = NewDisposeScope();
        var images = randn(12, 1, generator: new Generator(2));

        var first = BatchNormGroups.ForwardShuffled(Standardise().call, images, groups: 3, new Generator(9));
        var second = BatchNormGroups.ForwardShuffled(Standardise().call, images, groups: 3, new Generator(9));

        TensorAssert.Identical(first, second);
    }

    [Fact]
    public void Each_group_keeps_at_least_two_images()
    {
        using var scope = NewDisposeScope();
        var network = Standardise();

        var grouped = BatchNormGroups.Forward(network.call, Values(3), groups: 4);

        Assert.True(allclose(grouped, Standardise().call(Values(3)), atol: 1e-6));
    }
}
