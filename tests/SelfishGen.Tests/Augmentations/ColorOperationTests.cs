using SelfishGen.Augmentations;

namespace SelfishGen.Tests.Augmentations;

public class ColorOperationTests
{
    [Fact]
    public void Equalize_spreads_a_two_level_image_to_black_and_white()
    {
        using var scope = NewDisposeScope();
        var image = cat([full(1, 1, 16, 32, 51f / 255), full(1, 1, 16, 32, 153f / 255)], 2);
        var equalized = Seeded.Apply(new Equalize(), image);
        Assert.True(equalized.narrow(2, 0, 16).eq(0).all().item<bool>());
        Assert.True(equalized.narrow(2, 16, 16).eq(1).all().item<bool>());
    }

    [Fact]
    public void Solarize_inverts_only_values_at_or_above_the_threshold()
    {
        using var scope = NewDisposeScope();
        var image = tensor(new[] { 0.1f, 0.49f, 0.5f, 0.9f }).view(1, 1, 2, 2);
        var solarized = Seeded.Apply(new Solarize(1, 0.5), image).flatten().data<float>().ToArray();
        Assert.Equal(new[] { 0.1f, 0.49f, 0.5f, 0.1f }, solarized.Select(v => MathF.Round(v, 5)));
    }

    [Fact]
    public void Grayscale_gives_equal_channels_with_the_luma_weights()
    {
        using var scope = NewDisposeScope();
        var gray = Seeded.Apply(new RandomGrayscale(1), tensor(new[] { 1f, 0f, 0f, 0f, 1f, 0f, 0f, 0f, 1f }).view(3, 3, 1, 1));
        Assert.Equal(new[] { 0.299f, 0.587f, 0.114f }, gray[.., 0].flatten().data<float>().ToArray().Select(v => MathF.Round(v, 5)));
        Assert.True(gray[.., 0].eq(gray[.., 1]).all().item<bool>() && gray[.., 0].eq(gray[.., 2]).all().item<bool>());
    }

    [Fact]
    public void Blur_keeps_a_constant_image_and_smooths_an_edge_more_for_larger_sigma()
    {
        using var scope = NewDisposeScope();
        var constant = full(4, 3, 9, 9, 0.3f);
        Assert.True(Seeded.Apply(new GaussianBlur(1, 0.5, 3, referenceSide: null), constant).allclose(constant, atol: 1e-6));
        var edge = cat([zeros(1, 1, 9, 5), ones(1, 1, 9, 4)], 3);
        var slight = Seeded.Apply(new GaussianBlur(1, 0.3, 0.3, referenceSide: null), edge)[0, 0, 4, 3].item<float>();
        var strong = Seeded.Apply(new GaussianBlur(1, 2, 2, referenceSide: null), edge)[0, 0, 4, 3].item<float>();
        Assert.True(slight < 0.01f && strong > 0.2f, $"{slight} {strong}");
    }

    [Theory]
    [InlineData(28)]
    [InlineData(32)]
    public void The_papers_blur_scales_with_the_image_so_a_small_image_keeps_its_edges(int side)
    {
        using var scope = NewDisposeScope();
        static float NextToEdge(Tensor blurred, int side) => blurred[0, 0, side / 2, side / 2 - 1].item<float>();
        Tensor Edge(int width) => cat([zeros(1, 1, width, width / 2), ones(1, 1, width, width / 2)], 3);

        var small = NextToEdge(Seeded.Apply(new GaussianBlur(1, 2, 2), Edge(side)), side); // σ = 2 px at 224 px
        var large = NextToEdge(Seeded.Apply(new GaussianBlur(1, 2, 2), Edge(224)), 224);
        var unscaled = NextToEdge(Seeded.Apply(new GaussianBlur(1, 2, 2, referenceSide: null), Edge(side)), side);

        Assert.True(small < 0.01f, $"a {side}-px edge was blurred to {small} next to it: σ was not scaled to the image");
        Assert.True(large > 0.2f && unscaled > 0.2f, $"{large} {unscaled}");
    }

    [Fact]
    public void Autocontrast_stretches_each_channel_to_the_full_range()
    {
        using var scope = NewDisposeScope();
        var image = tensor(new[] { 0.2f, 0.4f, 0.6f, 0.5f, 0.5f, 0.5f }).view(1, 2, 1, 3);
        var stretched = Seeded.Apply(new AutoContrast(), image).flatten().data<float>().ToArray();
        Assert.Equal(new[] { 0f, 0.5f, 1f, 0.5f, 0.5f, 0.5f }, stretched.Select(v => MathF.Round(v, 5)));
    }

    [Fact]
    public void Posterize_keeps_the_top_bits()
    {
        using var scope = NewDisposeScope();
        var image = tensor(new[] { 255f / 255, 200f / 255, 31f / 255 }).view(1, 1, 1, 3);
        var posterized = Seeded.Apply(new Posterize(3, 3), image) * 255;
        Assert.Equal(new[] { 224f, 192f, 0f }, posterized.flatten().data<float>().ToArray().Select(v => MathF.Round(v)));
    }

    [Fact]
    public void Hsv_round_trips_and_a_hue_shift_keeps_saturation_and_value()
    {
        using var scope = NewDisposeScope();
        var images = Seeded.Images();
        Assert.True(Hsv.ToRgb(Hsv.FromRgb(images)).allclose(images, atol: 1e-5));
        var red = tensor(new[] { 1f, 0f, 0f }).view(1, 3, 1, 1);
        var shifted = Seeded.Apply(new Hue(0.5), red.expand(8, 3, 1, 1));
        Assert.True(shifted.amax([1]).allclose(ones(8, 1, 1)) && shifted.amin([1]).allclose(zeros(8, 1, 1), atol: 1e-6));
        Assert.True(shifted[.., 0].lt(0.5f).any().item<bool>(), "no sample moved away from red");
    }

    [Fact]
    public void Blend_factors_stay_in_their_range()
    {
        using var scope = NewDisposeScope();
        var image = full(32, 3, 2, 2, 0.8f);
        var darker = Seeded.Apply(new Brightness(0, 1), image);
        Assert.True(darker.max().item<float>() <= 0.8f && darker.min().item<float>() >= 0);
        var sameContrast = Seeded.Apply(new Contrast(0, 1), image);
        Assert.True(sameContrast.allclose(image, atol: 1e-6));
        var sharpened = Seeded.Apply(new Sharpness(0, 1), image);
        Assert.True(sharpened.allclose(image, atol: 1e-6));
    }

    [Fact]
    public void Pixel_dropout_zeroes_about_the_requested_share_of_whole_pixels()
    {
        using var scope = NewDisposeScope();
        var dropped = Seeded.Apply(new PixelDropout(0.7), ones(4, 3, 32, 32));
        Assert.True(dropped[.., 0].eq(dropped[.., 1]).all().item<bool>());
        Assert.InRange(dropped.eq(0).to(float32).mean().item<float>(), 0.65f, 0.75f);
    }

    [Fact]
    public void Block_dropout_drops_whole_squares_also_where_the_image_is_not_a_whole_number_of_blocks()
    {
        using var scope = NewDisposeScope();
        var dropped = Seeded.Apply(new PixelDropout(0.7, blockSize: 4), ones(8, 3, 30, 30));

        Assert.Equal(new long[] { 8, 3, 30, 30 }, dropped.shape);
        var kept = dropped[.., 0];
        var padded = nn.functional.pad(kept, [0, 2, 0, 2], mode: PaddingModes.Replicate).view(8, 8, 4, 8, 4);
        var blockMin = padded.amin([2, 4]);
        var blockMax = padded.amax([2, 4]);
        Assert.True(blockMin.eq(blockMax).all().item<bool>(), "a 4×4 block is partly dropped");
        Assert.InRange(blockMin.eq(0).to(float32).mean().item<float>(), 0.6f, 0.8f);
    }
}
