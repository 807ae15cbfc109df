using SelfishGen.Augmentations;

namespace SelfishGen.Tests.Augmentations;

public class ColorSpaceTests
{
    private static Tensor Pixel(float r, float g, float b) => tensor(new[] { r, g, b }).view(1, 3, 1, 1);

    [Theory]
    [InlineData(1f, 1f, 1f, 100.0, 0.0, 0.0)]
    [InlineData(0f, 0f, 0f, 0.0, 0.0, 0.0)]
    [InlineData(1f, 0f, 0f, 53.24, 80.09, 67.20)]
    [InlineData(0f, 1f, 0f, 87.73, -86.18, 83.18)]
    [InlineData(0f, 0f, 1f, 32.30, 79.19, -107.86)]
    public void Pure_colours_have_their_known_lab_values(float r, float g, float b, double l, double a, double bb)
    {
        using var scope = NewDisposeScope();
        var lab = ColorSpace.RgbToLab(Pixel(r, g, b)).flatten().data<float>().ToArray();
        Assert.Equal(l, lab[0], 0.05);
        Assert.Equal(a, lab[1], 0.05);
        Assert.Equal(bb, lab[2], 0.05);
    }

    [Fact]
    public void Rgb_to_lab_and_back_gives_the_image_again()
    {
        using var scope = NewDisposeScope();
        var images = Seeded.Images();
        var back = ColorSpace.LabToRgb(ColorSpace.RgbToLab(images));
        Assert.True(back.allclose(images, atol: 1e-4), $"max error {(back - images).abs().max().item<float>()}");
    }

    [Fact]
    public void Quantised_lab_comes_back_within_half_a_bin()
    {
        using var scope = NewDisposeScope();
        var quantizer = new LabQuantizer(lightnessBinSize: 2, colorBinSize: 10);
        Assert.Equal((50, 22, 484), (quantizer.LightnessBinCount, quantizer.ColorBinsPerAxis, quantizer.ColorBinCount));
        var lab = ColorSpace.RgbToLab(Seeded.Images());
        var (lightness, ab) = (lab[.., 0..1], lab[.., 1..]);
        var lightnessClasses = quantizer.QuantizeLightness(lightness);
        var colorClasses = quantizer.QuantizeColor(ab);
        Assert.Equal(new long[] { 6, 16, 20 }, colorClasses.shape);
        Assert.InRange(colorClasses.max().item<long>(), 0, 483);
        Assert.True((quantizer.DequantizeLightness(lightnessClasses) - lightness).abs().max().item<float>() <= 1.0001f);
        Assert.True((quantizer.DequantizeColor(colorClasses) - ab).abs().max().item<float>() <= 5.0001f);
    }

    [Fact]
    public void Quantiser_classes_of_known_values()
    {
        using var scope = NewDisposeScope();
        var quantizer = new LabQuantizer(2, 10);
        var ab = tensor(new[] { -110f, -110f, 0f, 0f, 109f, -1f }).view(3, 2, 1, 1).permute(1, 0, 2, 3).reshape(1, 2, 3, 1);
        Assert.Equal(new long[] { 0, 11 * 22 + 11, 21 * 22 + 10 }, quantizer.QuantizeColor(ab).flatten().data<long>().ToArray());
        Assert.Equal(new long[] { 0, 49, 49 }, quantizer.QuantizeLightness(tensor(new[] { 0f, 99.9f, 100f })).data<long>().ToArray());
    }
}
