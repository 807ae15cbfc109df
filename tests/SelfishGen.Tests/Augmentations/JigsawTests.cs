using SelfishGen.Augmentations;

namespace SelfishGen.Tests.Augmentations;

public class JigsawTests
{
    private static Tensor Standardized(Tensor patches)
    {
        var deviation = patches.std([2, 3, 4], keepdim: true);
        return (patches - patches.mean([2, 3, 4], keepdim: true)) / deviation;
    }

    [Fact]
    public void Identity_permutation_without_crop_gives_back_the_patch_standardised_image()
    {
        using var scope = NewDisposeScope();
        var images = Seeded.Images(2, 3, 12, 12);
        using var random = Seeded.Random();
        var puzzle = new JigsawTiling(2, 1).Shuffle(images, PermutationSet.All(4).Take(1), random);
        var expected = JigsawTiling.Assemble(Standardized(JigsawTiling.Split(images, 2)), arange(4).expand(2, 4));
        Assert.True(puzzle.Images.allclose(expected, atol: 1e-5));
        Assert.Equal(new long[] { 0, 0 }, puzzle.PermutationIndices.data<long>().ToArray());
        Assert.True(JigsawTiling.Split(expected, 2).allclose(Standardized(JigsawTiling.Split(images, 2)), atol: 1e-5));
    }

    [Fact]
    public void Patch_n_goes_to_cell_perm_n_and_the_inverse_restores_the_order()
    {
        using var scope = NewDisposeScope();
        var patches = arange(4, float32).view(1, 4, 1, 1, 1);
        var permutation = tensor(new long[] { 2, 0, 3, 1 }).view(1, 4);
        var shuffled = JigsawTiling.Assemble(patches, permutation);
        Assert.Equal(new[] { 1f, 3f, 0f, 2f }, shuffled.flatten().data<float>().ToArray());
        var restored = JigsawTiling.Assemble(JigsawTiling.Split(shuffled, 2), JigsawTiling.Inverse(permutation));
        Assert.Equal(new[] { 0f, 1f, 2f, 3f }, restored.flatten().data<float>().ToArray());
    }

    [Fact]
    public void Crops_are_smaller_than_cells_lie_inside_them_and_move_between_samples()
    {
        using var scope = NewDisposeScope();
        var images = arange(16, float32).expand(4, 1, 16, 16).contiguous() / 16;
        using var random = Seeded.Random();
        var patches = new JigsawTiling(2, 0.5, standardize: false).Cut(images, random);
        Assert.Equal(new long[] { 4, 4, 1, 4, 4 }, patches.shape);
        var corners = patches[.., .., 0, 0, 0] * 16;
        Assert.True(corners[.., 0].le(4).all().item<bool>() && corners[.., 2].le(4).all().item<bool>());
        Assert.True(corners[.., 1].ge(8).all().item<bool>() && corners[.., 1].le(12).all().item<bool>());
        Assert.True(corners[.., 0].unique().Item1.shape[0] > 1, "every sample got the same crop");
    }

    [Fact]
    public void Shuffle_draws_permutations_per_sample_and_applies_the_patch_augmentation()
    {
        using var scope = NewDisposeScope();
        using var random = Seeded.Random();
        var tiling = new JigsawTiling(3, 0.8, Augment.JigsawPatch());
        var puzzle = tiling.Shuffle(Seeded.Images(16, 3, 30, 30), PermutationSet.MaxHamming(9, 10, seed: 1), random);
        Assert.Equal(new long[] { 16, 3, 24, 24 }, puzzle.Images.shape);
        Assert.True(puzzle.PermutationIndices.unique().Item1.shape[0] > 1);
        Assert.InRange(puzzle.PermutationIndices.max().item<long>(), 0, 9);
    }
}
