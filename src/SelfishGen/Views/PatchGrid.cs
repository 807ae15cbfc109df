using SelfishGen.Augmentations;
using SelfishGen.Distributed;
using static TorchSharp.torch;

namespace SelfishGen.Views;

/// <summary>
/// CPC's patches: a <see cref="Grid"/>×<see cref="Grid"/> grid of overlapping square-ish crops per image, at stride
/// s = ⌊side / (Grid + 1)⌋ and of side 2s (half-overlapping, as the original's 56-pixel crops at stride 28), each
/// augmented on its own; and the way back from one feature per patch to a feature grid.
/// </summary>
public sealed class PatchGrid
{
    private readonly IAugmentation? _patchAugmentation;

    /// <summary>A grid of <paramref name="grid"/> patches per side, each augmented by <paramref name="patchAugmentation"/> when given.</summary>
    public PatchGrid(int grid, IAugmentation? patchAugmentation = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(grid, 1);
        Grid = grid;
        _patchAugmentation = patchAugmentation;
    }

    /// <summary>Patches per side.</summary>
    public int Grid { get; }

    /// <summary>The patches of <paramref name="images"/> (B, C, H, W) as one batch (B·Grid², C, 2s, 2s), row-major per image, each augmented on its own.</summary>
    public Tensor Cut(Tensor images, Generator random)
    {
        var patches = Cut(images);
        if (_patchAugmentation is null)
            return patches;
        using (SampleRows.Enter(SampleRows.Current?.Repeat((long)Grid * Grid)))
            return _patchAugmentation.Apply(patches, random);
    }

    /// <summary>The patches of <paramref name="images"/> (B, C, H, W) as they are, as one batch (B·Grid², C, 2s, 2s), row-major per image.</summary>
    public Tensor Cut(Tensor images)
    {
        var (strideY, strideX) = (Stride(images.shape[2]), Stride(images.shape[3]));
        return images
            .unfold(2, 2 * strideY, strideY).narrow(2, 0, Grid)
            .unfold(3, 2 * strideX, strideX).narrow(3, 0, Grid)
            .permute(0, 2, 3, 1, 4, 5)
            .reshape(-1, images.shape[1], 2 * strideY, 2 * strideX);
    }

    /// <summary>Features of the patches (B·Grid², D), in <see cref="Cut(Tensor)"/>'s order, as a grid (B, D, Grid, Grid).</summary>
    public Tensor Assemble(Tensor features, int batch) =>
        features.view(batch, Grid, Grid, -1).permute(0, 3, 1, 2);

    private long Stride(long side)
    {
        var stride = side / (Grid + 1);
        if (stride < 1)
            throw new ArgumentException($"Images of side {side} are too small for a {Grid}×{Grid} patch grid: use a smaller grid or larger images.");
        return stride;
    }
}
