using SelfishGen.Augmentations;

namespace SelfishGen.Tests.Augmentations;

public class GeometryTests
{
    private static Tensor Ramp(long side = 5) => arange(side * side, float32).view(1, 1, side, side) / (side * side);

    [Fact]
    public void Flip_with_probability_one_mirrors_left_to_right()
    {
        using var scope = NewDisposeScope();
        var image = tensor(new[] { 0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f }).view(1, 1, 2, 3);
        var flipped = Seeded.Apply(new HorizontalFlip(1), image);
        Assert.Equal(new[] { 0.3f, 0.2f, 0.1f, 0.6f, 0.5f, 0.4f }, flipped.flatten().data<float>().ToArray());
    }

    [Theory]
    [InlineData(90, 1)]
    [InlineData(-90, 3)]
    [InlineData(180, 2)]
    public void Rotation_by_right_angles_equals_rot90(double degrees, long quarterTurns)
    {
        using var scope = NewDisposeScope();
        var image = Ramp().expand(2, 3, 5, 5);
        var rotated = Seeded.Apply(new Rotation(degrees, degrees), image);
        Assert.True(rotated.allclose(image.rot90(quarterTurns, (2, 3)), atol: 1e-6));
    }

    [Fact]
    public void Translation_shifts_whole_pixels_and_fills_with_zero()
    {
        using var scope = NewDisposeScope();
        var image = Ramp(10) + 0.01f;
        var shifted = Seeded.Apply(new Translate(0.3), image);
        var zeroRows = shifted.eq(0).all(3).sum().item<long>();
        var zeroColumns = shifted.eq(0).all(2).sum().item<long>();
        Assert.InRange(zeroRows + zeroColumns, 1, 6);
        var kept = shifted[0, 0].flatten().masked_select(shifted[0, 0].flatten() > 0);
        Assert.True(kept.unsqueeze(1).eq(image.flatten().unsqueeze(0)).any(1).all().item<bool>());
    }

    [Fact]
    public void Full_crop_with_the_image_ratio_is_the_identity_and_output_size_is_honoured()
    {
        using var scope = NewDisposeScope();
        var images = Seeded.Images(height: 12, width: 12);
        Assert.True(Seeded.Apply(new RandomResizedCrop((1, 1), (1, 1)), images).allclose(images, atol: 1e-5));
        var small = Seeded.Apply(new RandomResizedCrop((0.2, 1), outputSize: (5, 7)), images);
        Assert.Equal(new long[] { 6, 3, 5, 7 }, small.shape);
    }

    [Fact]
    public void Crops_of_one_image_differ_between_samples()
    {
        using var scope = NewDisposeScope();
        var crops = Seeded.Apply(new RandomResizedCrop((0.08, 0.5)), Seeded.SameImage(count: 8));
        for (var i = 1; i < 8; i++)
            Assert.False(crops[i].allclose(crops[0]));
    }

    [Fact]
    public void Impossible_crop_falls_back_to_the_centred_clamped_ratio()
    {
        using var scope = NewDisposeScope();
        var image = (arange(12, float32) / 12).expand(1, 1, 6, 12).contiguous();
        var crop = Seeded.Apply(new RandomResizedCrop((1, 1), (1, 1), outputSize: (6, 6)), image);
        Assert.True(crop.allclose(image.narrow(3, 3, 6), atol: 1e-5));
    }

    [Fact]
    public void Erasing_blacks_out_a_rectangle_of_the_requested_area()
    {
        using var scope = NewDisposeScope();
        var images = ones(16, 1, 20, 20);
        var erased = Seeded.Apply(new RandomErasing(1, (0.1, 0.2), (0.5, 2)), images);
        var fractions = erased.eq(0).flatten(1).to(float32).mean([1]);
        Assert.True(fractions.min().item<float>() >= 0.07f && fractions.max().item<float>() <= 0.23f);
    }

    [Fact]
    public void Elastic_deformation_with_zero_sigma_is_the_identity()
    {
        using var scope = NewDisposeScope();
        var images = Seeded.Images();
        Assert.True(Seeded.Apply(new ElasticDeformation(0), images).allclose(images, atol: 1e-5));
    }
}
