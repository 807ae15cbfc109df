using SelfishGen.Evaluation;

namespace SelfishGen.Tests.Evaluation;

public class FeatureSpectrumTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(16)]
    public void Features_spread_evenly_over_k_orthogonal_directions_have_rank_k(int directions)
    {
        using var scope = NewDisposeScope();
        var features = zeros(64, 16);
        features[arange(64), arange(64) % directions] = ones(64);

        Assert.Equal(directions, FeatureSpectrum.EffectiveRank(features), 1e-3);
    }

    [Fact]
    public void Directions_count_by_their_share_of_the_singular_values_whatever_the_scale()
    {
        using var scope = NewDisposeScope();
        var rows = arange(64);
        var features = zeros(64, 16);
        features[rows, rows % 4] = (rows % 4 + 1).to(float32); // singular values 4, 8, 12, 16: shares 0.1 to 0.4
        var expected = Math.Exp(-new[] { 0.1, 0.2, 0.3, 0.4 }.Sum(p => p * Math.Log(p)));

        Assert.Equal(expected, FeatureSpectrum.EffectiveRank(features), 1e-4);
        Assert.Equal(expected, FeatureSpectrum.EffectiveRank(features * 1000), 1e-4);
    }

    [Fact]
    public void Collapsed_features_have_rank_one_and_random_ones_nearly_full_rank()
    {
        using var scope = NewDisposeScope();
        var random = randn(2000, 16, generator: new Generator(3));

        Assert.Equal(1, FeatureSpectrum.EffectiveRank(ones(32, 16) * 0.5), 1e-3);
        Assert.InRange(FeatureSpectrum.EffectiveRank(random), 15.5, 16);
        Assert.Equal(1, FeatureSpectrum.EffectiveRank(zeros(8, 16)), 1e-3);
    }

    [Fact]
    public void Features_must_be_a_matrix()
    {
        using var scope = NewDisposeScope();

        Assert.Throws<ArgumentException>(() => FeatureSpectrum.EffectiveRank(ones(4)));
    }
}
