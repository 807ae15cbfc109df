using SelfishGen.Pretext;

namespace SelfishGen.Tests.Pretext;

public sealed class LatentPretextTests
{
    private static readonly SelfishGen.Data.Batch Batch = Steps.Batch(zeros(2000, 1, 2, 2));

    [Fact]
    public void Uniform_codes_cover_minus_one_to_one_and_repeat_for_a_seed()
    {
        var pretext = new LatentPretext(16);

        var codes = pretext.Apply(Batch, Steps.Context(seed: 5));

        Assert.Equal(new long[] { 2000, 16 }, codes.shape);
        Assert.InRange(codes.min().item<float>(), -1f, -0.99f);
        Assert.InRange(codes.max().item<float>(), 0.99f, 1f);
        Assert.InRange(codes.mean().item<float>(), -0.02f, 0.02f);
        Assert.True(Steps.Close(codes, pretext.Apply(Batch, Steps.Context(seed: 5)), 0));
        Assert.False(Steps.Close(codes, pretext.Apply(Batch, Steps.Context(seed: 6))));
    }

    [Fact]
    public void Normal_codes_have_zero_mean_and_unit_deviation()
    {
        var codes = new LatentPretext(16, LatentDistribution.Normal).Apply(Batch, Steps.Context());

        Assert.InRange(codes.mean().item<float>(), -0.02f, 0.02f);
        Assert.InRange(codes.std().item<float>(), 0.98f, 1.02f);
    }
}
