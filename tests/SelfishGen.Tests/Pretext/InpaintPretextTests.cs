using SelfishGen.Pretext;

namespace SelfishGen.Tests.Pretext;

public sealed class InpaintPretextTests
{
    private static readonly Tensor Images = rand(16, 3, 24, 24, generator: new Generator(4, CPU)) * 0.9 + 0.1;

    [Fact]
    public void The_mask_covers_exactly_the_erased_pixels()
    {
        var (erased, clean, mask) = new InpaintPretext().Apply(Steps.Batch(Images), Steps.Context());

        Assert.Equal(new long[] { 16, 1, 24, 24 }, mask.shape);
        Assert.True(mask.eq(0).logical_or(mask.eq(1)).all().item<bool>(), "mask is not binary");
        Assert.True(Steps.Close(erased.eq(0).all(1, keepdim: true).to(float32), mask, 0), "erased pixels and mask differ");
        Assert.True(Steps.Close(clean, Images, 0));
        var area = mask.mean().item<float>();
        Assert.InRange(area, 0.05f, 0.4f);
    }

    [Fact]
    public void Completing_a_prediction_keeps_the_clean_pixels_outside_the_mask()
    {
        var sample = new InpaintPretext(probability: 1, blocks: 2).Apply(Steps.Batch(Images), Steps.Context());
        var prediction = full_like(Images, 0.5);

        var completed = sample.Complete(prediction);

        var inside = sample.Mask.expand_as(Images).to(@bool);
        Assert.True(Steps.Close(completed.masked_select(inside), prediction.masked_select(inside), 0));
        Assert.True(Steps.Close(completed.masked_select(~inside), Images.masked_select(~inside), 0));
    }

    [Fact]
    public void The_same_seed_erases_the_same_blocks()
    {
        var pretext = new InpaintPretext();

        var first = pretext.Apply(Steps.Batch(Images), Steps.Context(seed: 3));
        var second = pretext.Apply(Steps.Batch(Images), Steps.Context(seed: 3));

        Assert.True(Steps.Close(first.Mask, second.Mask, 0));
    }
}
