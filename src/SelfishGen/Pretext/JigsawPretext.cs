using SelfishGen.Augmentations;
using SelfishGen.Data;

namespace SelfishGen.Pretext;

/// <summary>
/// Jigsaw puzzles (Noroozi and Favaro, 2016): each image is cut into <see cref="Grid"/>×<see cref="Grid"/> cells, a
/// random crop is taken inside every cell, each patch is standardised (in float), and the patches are reassembled in
/// the order of a permutation drawn per image; the target is that permutation's index in <see cref="Permutations"/>.
/// The whole puzzle is one image of Grid·crop pixels per side, so any backbone can take it.
/// </summary>
public sealed class JigsawPretext
{
    private readonly JigsawTiling _tiling;

    /// <summary>Creates the task.</summary>
    /// <param name="grid">Cells per side (2 or more).</param>
    /// <param name="permutations">
    /// Number of permutation classes; 0 for all 24 of a 2×2 grid, or 1000 for larger grids. All permutations are
    /// used when the number is grid²!, otherwise a maximal-Hamming set chosen from <paramref name="seed"/>.
    /// </param>
    /// <param name="cropFraction">Side of each patch as a fraction of its cell's side, in (0, 1].</param>
    /// <param name="seed">Seed of the maximal-Hamming permutation set.</param>
    /// <param name="patchAugmentation">Augmentation of every patch before standardising, or null for none.</param>
    public JigsawPretext(int grid = 2, int permutations = 0, double cropFraction = 0.9, int seed = 0, IAugmentation? patchAugmentation = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(grid, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(permutations);
        if (PermutationsProblem(grid, permutations) is { } problem)
            throw new ArgumentException(problem, nameof(permutations));
        var cells = grid * grid;
        var count = permutations > 0 ? permutations : grid == 2 ? 24 : 1000;
        Permutations = count == PermutationSet.CountOf(cells) ? PermutationSet.All(cells) : PermutationSet.MaxHamming(cells, count, seed);
        _tiling = new JigsawTiling(grid, cropFraction, patchAugmentation);
    }

    /// <summary>
    /// Why a <paramref name="grid"/>×<paramref name="grid"/> puzzle cannot have <paramref name="permutations"/> classes,
    /// or null when it can: every one of the grid²! permutations, or at most as many as a max-Hamming set is chosen
    /// among (all of them up to 20,000, else 20,000 sampled ones). 0 stands for the default (24, or 1000 past 2×2).
    /// </summary>
    /// <remarks>The generator reports the same message at compile time (SSG046) and the generated options check it.</remarks>
    public static string? PermutationsProblem(int grid, int permutations)
    {
        if (grid < 2 || permutations < 1)
            return null;
        var cells = (int)Math.Min((long)grid * grid, 21);
        var (all, limit) = (PermutationSet.CountOf(cells), PermutationSet.MaxHammingLimit(cells));
        if (permutations <= limit || permutations == all)
            return null;
        var orAll = all > limit && all <= int.MaxValue ? $", or all {all}" : "";
        var raise = all == limit ? " or raise Grid" : "";
        return $"Permutations must be at most {limit} for a {grid}×{grid} grid{orAll}, not {permutations}: lower Permutations{raise}.";
    }

    /// <summary>Cells per side.</summary>
    public int Grid => _tiling.Grid;

    /// <summary>The permutation classes: class k puts the patch of cell n at cell <c>Permutations[k][n]</c>.</summary>
    public PermutationSet Permutations { get; }

    /// <summary>Number of permutation classes.</summary>
    public int ClassCount => Permutations.Count;

    /// <summary>The puzzles (N, C, Grid·h, Grid·w) and each one's permutation index (N, int64).</summary>
    public PretextBatch Apply(Batch batch, TrainingContext context)
    {
        var puzzle = _tiling.Shuffle(batch.Images, Permutations, context.Random);
        return new PretextBatch(puzzle.Images, puzzle.PermutationIndices);
    }
}
