using SelfishGen.Augmentations;
using SelfishGen.Pretext;

namespace SelfishGen.Tests.Pretext;

public sealed class JigsawPretextTests
{
    [Fact]
    public void A_2x2_grid_uses_all_24_permutations()
    {
        var pretext = new JigsawPretext();

        Assert.Equal(24, pretext.ClassCount);
        Assert.Equal(PermutationSet.All(4).ToTensor().data<long>().ToArray(), pretext.Permutations.ToTensor().data<long>().ToArray());
    }

    [Fact]
    public void A_3x3_grid_uses_a_seeded_max_hamming_set()
    {
        var pretext = new JigsawPretext(grid: 3, permutations: 30, seed: 2);

        Assert.Equal(30, pretext.ClassCount);
        Assert.Equal(9, pretext.Permutations.Length);
        Assert.Equal(
            PermutationSet.MaxHamming(9, 30, 2).ToTensor().data<long>().ToArray(),
            pretext.Permutations.ToTensor().data<long>().ToArray());
    }

    [Fact]
    public void Inverting_the_target_permutation_recovers_the_standardised_patches_in_order()
    {
        var images = rand(5, 3, 16, 16, generator: new Generator(3, CPU));
        var pretext = new JigsawPretext(cropFraction: 0.75);

        var (puzzles, targets) = pretext.Apply(Steps.Batch(images), Steps.Context(seed: 11));
        var patches = new JigsawTiling(2, 0.75).Cut(images, new Generator(11, CPU));

        Assert.Equal(new long[] { 5, 3, 12, 12 }, puzzles.shape);
        var cells = JigsawTiling.Split(puzzles, 2);
        var permutations = pretext.Permutations.ToTensor().index_select(0, targets);
        var recovered = cells.gather(1, permutations.view(5, 4, 1, 1, 1).expand_as(cells));
        Assert.True(Steps.Close(recovered, patches), "un-permuted puzzle cells differ from the cut patches");
        Assert.True(Steps.Close(patches.mean([2, 3, 4]), zeros(5, 4), 1e-4), "patches are not centred");
        Assert.True(Steps.Close(patches.std([2, 3, 4]), ones(5, 4), 1e-4), "patches are not scaled to unit deviation");
    }
}
