using SelfishGen.Distributed;
using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;

namespace SelfishGen.Augmentations;

/// <summary>
/// Cuts images into <see cref="Grid"/>×<see cref="Grid"/> cells (row-major: cell k is at row k / Grid, column
/// k mod Grid; pixels beyond Grid·⌊side / Grid⌋ are dropped), takes a random crop of <see cref="CropFraction"/> of each
/// cell's sides inside it (so patch borders do not line up), optionally augments each patch, standardises each patch
/// with its own mean and unbiased standard deviation (0 is replaced by 1), and reassembles the patches per a permutation.
/// </summary>
/// <remarks>Standardised patches are no longer in [0, 1]; they are kept in float (the original wrapped them to 8 bits).</remarks>
public sealed class JigsawTiling
{
    /// <summary>Creates the tiling; <paramref name="patchAugmentation"/> (if any) runs on every patch before standardising.</summary>
    public JigsawTiling(int grid, double cropFraction, IAugmentation? patchAugmentation = null, bool standardize = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(grid);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cropFraction);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cropFraction, 1);
        (Grid, CropFraction, PatchAugmentation, Standardize) = (grid, cropFraction, patchAugmentation, standardize);
    }

    /// <summary>Cells per side.</summary>
    public int Grid { get; }

    /// <summary>Side of a patch as a fraction of its cell's side.</summary>
    public double CropFraction { get; }

    /// <summary>Augmentation applied to each patch, or null.</summary>
    public IAugmentation? PatchAugmentation { get; }

    /// <summary>Whether each patch is standardised.</summary>
    public bool Standardize { get; }

    /// <summary>The patches of each image: N×Grid²×C×h×w, with h and w the crop size.</summary>
    public Tensor Cut(Tensor images, Generator random)
    {
        var (count, channels) = (images.shape[0], images.shape[1]);
        var cells = (long)Grid * Grid;
        var (cellHeight, cellWidth) = (images.shape[2] / Grid, images.shape[3] / Grid);
        var (cropHeight, cropWidth) = (CropSide(cellHeight), CropSide(cellWidth));
        var rowStarts = CropStarts(count, cellHeight, cropHeight, cell => cell / Grid, random);
        var columnStarts = CropStarts(count, cellWidth, cropWidth, cell => cell % Grid, random);
        var rows = rowStarts.unsqueeze(-1).Plus(Range(cropHeight, int64)).to(images.device);
        var columns = columnStarts.unsqueeze(-1).Plus(Range(cropWidth, int64)).to(images.device);
        var source = images.unsqueeze(1).expand(count, cells, -1, -1, -1);
        var strips = source.gather(3, rows.view(count, cells, 1, cropHeight, 1).expand(-1, -1, channels, -1, images.shape[3]));
        var patches = strips.gather(4, columns.view(count, cells, 1, 1, cropWidth).expand(-1, -1, channels, cropHeight, -1));
        if (PatchAugmentation is not null)
        {
            using (SampleRows.Enter(SampleRows.Current?.Repeat(cells)))
                patches = PatchAugmentation.Apply(patches.reshape(-1, channels, cropHeight, cropWidth), random).view_as(patches);
        }
        return Standardize ? Standardized(patches) : patches;
    }

    /// <summary>Cuts, then reassembles each image per a permutation drawn uniformly from <paramref name="permutations"/>.</summary>
    public JigsawPuzzle Shuffle(Tensor images, PermutationSet permutations, Generator random)
    {
        if (permutations.Length != Grid * Grid)
            throw new ArgumentException($"Permutations of {permutations.Length} cells do not fit a {Grid}×{Grid} grid.");
        var patches = Cut(images, random);
        var indices = Draw.Integer(images.shape[0], permutations.Count, random);
        var rows = permutations.ToTensor().index_select(0, indices).to(images.device);
        return new JigsawPuzzle(Assemble(patches, rows), indices.to(images.device));
    }

    /// <summary>
    /// Builds images from patches (N×K×C×h×w, K = g²): patch n goes to cell <paramref name="permutations"/>[·, n]
    /// (N×K, int64).
    /// </summary>
    public static Tensor Assemble(Tensor patches, Tensor permutations)
    {
        var (count, cells, channels, height, width) =
            (patches.shape[0], patches.shape[1], patches.shape[2], patches.shape[3], patches.shape[4]);
        var grid = (long)Math.Round(Math.Sqrt(cells));
        var source = Inverse(permutations).view(count, cells, 1, 1, 1).expand_as(patches);
        return patches.gather(1, source)
            .view(count, grid, grid, channels, height, width)
            .permute(0, 3, 1, 4, 2, 5)
            .reshape(count, channels, grid * height, grid * width);
    }

    /// <summary>Splits images into <paramref name="grid"/>² equal cells (N×K×C×h×w), row-major, without cropping.</summary>
    public static Tensor Split(Tensor images, int grid)
    {
        var (count, channels) = (images.shape[0], images.shape[1]);
        var (height, width) = (images.shape[2] / grid, images.shape[3] / grid);
        return images.narrow(2, 0, grid * height).narrow(3, 0, grid * width)
            .reshape(count, channels, grid, height, grid, width)
            .permute(0, 2, 4, 1, 3, 5)
            .reshape(count, (long)grid * grid, channels, height, width);
    }

    /// <summary>The inverse of each row of <paramref name="permutations"/> (N×K, int64).</summary>
    public static Tensor Inverse(Tensor permutations) => permutations.argsort(1);

    private long CropSide(long cellSide) => Math.Max(1, (long)Math.Round(CropFraction * cellSide));

    private Tensor CropStarts(long count, long cellSide, long cropSide, Func<long, long> cellIndex, Generator random)
    {
        var cells = (long)Grid * Grid;
        var origins = tensor(Enumerable.Range(0, (int)cells).Select(cell => cellIndex(cell) * cellSide).ToArray());
        using var places = (cellSide - cropSide + 1).ToScalar();
        var offsets = Draw.Uniform([count, cells], 0, 1, random).mul(places).floor().to(int64);
        return origins.Plus(offsets);
    }

    private static Tensor Standardized(Tensor patches)
    {
        var dimensions = new long[] { 2, 3, 4 };
        var mean = patches.mean(dimensions, keepdim: true);
        var deviation = patches.std(dimensions, keepdim: true);
        return (patches - mean) / where(deviation.gt(Zero), deviation, ones_like(deviation));
    }
}
