using SelfishGen.Data;
using SelfishGen.Pretext;

namespace SelfishGen.Tests.Pretext;

public sealed class ColorSplitPretextTests
{
    private static readonly ColorSplitPretext Pretext = new(new ImageShape(3, 2, 2));

    /// <summary>Images of one colour per sample: white, black, pure red, pure blue.</summary>
    private static readonly Tensor Colours = tensor(new float[,] { { 1, 1, 1 }, { 0, 0, 0 }, { 1, 0, 0 }, { 0, 0, 1 } })
        .view(4, 3, 1, 1).expand(4, 3, 2, 2).contiguous();

    [Fact]
    public void White_is_lightness_one_and_neutral_colour()
    {
        var sample = Pretext.Apply(Steps.Batch(Colours), Steps.Context());

        Assert.True(Steps.Close(sample.Lightness[0], ones(1, 2, 2), 1e-4), "L of white is not 100 / 100");
        Assert.True(Steps.Close(sample.Color[0], zeros(2, 2, 2), 1e-3), "ab of white is not 0");
        Assert.True(Steps.Close(sample.Lightness[1], zeros(1, 2, 2), 1e-4), "L of black is not 0");
    }

    [Fact]
    public void Pure_colours_fall_in_their_expected_classes()
    {
        // L bins of 2; a and b bins of 26 from −117, class = a-bin · 9 + b-bin.
        // white: L 100 → 49 (last bin), ab (0, 0) → (4, 4) = 40; black: L 0 → 0, 40;
        // red: Lab (53.2, 80.1, 67.2) → 26, (7, 7) = 70; blue: Lab (32.3, 79.2, −107.9) → 16, (7, 0) = 63.
        var sample = Pretext.Apply(Steps.Batch(Colours), Steps.Context());

        Assert.Equal(new long[] { 49, 0, 26, 16 }, sample.LightnessTargets[.., 0, 0].data<long>().ToArray());
        Assert.Equal(new long[] { 40, 40, 70, 63 }, sample.ColorTargets[.., 0, 0].data<long>().ToArray());
        Assert.Equal(new long[] { 4, 2, 2 }, sample.ColorTargets.shape);
        Assert.Equal(50, Pretext.LightnessClassCount);
        Assert.Equal(81, Pretext.ColorClassCount);
    }

    [Fact]
    public void Grayscale_images_are_refused_with_the_fix()
    {
        var fromShape = Assert.Throws<ArgumentException>(() => new ColorSplitPretext(new ImageShape(1, 28, 28)));
        var fromImages = Assert.Throws<ArgumentException>(() => Pretext.Apply(Steps.Batch(zeros(2, 1, 4, 4)), Steps.Context()));

        foreach (var error in new[] { fromShape, fromImages })
        {
            Assert.Contains("SplitBrain needs colour images", error.Message);
            Assert.Contains("--data <folder of colour images>", error.Message);
        }
    }
}
