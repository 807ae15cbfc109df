using SelfishGen.Objectives;

namespace SelfishGen.Tests.Pretext;

public sealed class PatchNormalizationTests
{
    private const double Floor = 1e-4;

    [Fact]
    public void Each_patch_has_mean_zero_and_unit_variance_over_its_pixels_and_channels()
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        var images = rand(2, 3, 8, 8, dtype: float64);

        var normalized = PatchNormalization.Normalize(images, 4);

        // The reference: each 4×4×3 patch as one group of 48 values, its unbiased variance under the floor.
        var patches = images.view(2, 3, 2, 4, 2, 4);
        var mean = patches.mean([1, 3, 5], keepdim: true);
        var variance = patches.var([1, 3, 5], keepdim: true);
        var expected = ((patches - mean) / (variance + Floor).sqrt()).view(2, 3, 8, 8);
        Assert.True(normalized.allclose(expected, rtol: 1e-9, atol: 1e-9), "equals the patch-by-patch reference");
    }

    [Fact]
    public void Edge_patches_are_normalised_over_the_pixels_they_hold()
    {
        using var scope = NewDisposeScope();
        manual_seed(6);
        var images = rand(1, 2, 6, 6, dtype: float64);

        var normalized = PatchNormalization.Normalize(images, 4);

        foreach (var (rows, columns) in new[] { (0..4, 4..6), (4..6, 0..4), (4..6, 4..6) })
        {
            var patch = images[.., .., rows, columns];
            var expected = (patch - patch.mean()) / (patch.var() + Floor).sqrt();
            Assert.True(normalized[.., .., rows, columns].allclose(expected, rtol: 1e-9, atol: 1e-9), $"patch at rows {rows}, columns {columns}");
        }
    }

    [Fact]
    public void A_flat_patch_becomes_zeros()
    {
        using var scope = NewDisposeScope();
        var images = full(1, 1, 4, 4, 0.3, dtype: float32);

        var normalized = PatchNormalization.Normalize(images, 2);

        Assert.Equal(0, normalized.abs().max().item<float>(), 3);
    }

    [Fact]
    public void The_loss_with_normalised_targets_is_zero_for_the_normalised_image_only()
    {
        using var scope = NewDisposeScope();
        manual_seed(7);
        var images = rand(2, 1, 8, 8);
        var loss = new ReconstructionLoss(normalizedPatch: 4);

        Assert.Equal(0, loss.Loss(PatchNormalization.Normalize(images, 4), images).item<float>(), 6);
        Assert.True(loss.Loss(images, images).item<float>() > 0.1, "the raw image is not its normalised target");
    }
}
