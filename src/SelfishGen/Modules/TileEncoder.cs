using SelfishGen.Augmentations;
using static TorchSharp.torch;

namespace SelfishGen.Modules;

/// <summary>
/// Encodes a jigsaw view tile by tile, as PIRL does: the view (N, C, Grid·h, Grid·w) is split into its Grid² tiles,
/// the backbone encodes every tile on its own, and a linear layer combines the Grid² tile features, in the view's
/// (shuffled) order, into one feature vector per image (N, features). With <see cref="Resize"/>, each tile is first
/// resized (bilinear) to the backbone's input size.
/// </summary>
/// <remarks>
/// The backbone is passed to <see cref="Features"/> rather than held, so its parameters stay the method's only once.
/// Tiles go through it as one batch of N·Grid² images, with batch statistics of their own (not mixed with the image
/// view's). Given the whole images as well, the backbone's running statistics follow them instead of the tiles: a
/// backbone that trains on tiles alone (Jigsaw) is then evaluated and used with the statistics of whole images.
/// </remarks>
public sealed class TileEncoder : nn.Module
{
    private readonly TorchSharp.Modules.Linear _combine;

    /// <summary>
    /// Creates the encoder for a backbone of <paramref name="features"/> outputs and views of <paramref name="grid"/>²
    /// tiles, each resized to the backbone's input size first when <paramref name="resize"/> is set.
    /// </summary>
    public TileEncoder(int features, int grid, bool resize = false) : base(nameof(TileEncoder))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(features, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(grid, 1);
        Grid = grid;
        Resize = resize;
        _combine = nn.Linear(grid * grid * features, features);
        register_module("combine", _combine);
    }

    /// <summary>
    /// How many of the whole images given to <see cref="Features"/> the running statistics follow each step (the first
    /// rows of a shuffled batch): enough for per-channel statistics, at a fraction of a step's cost.
    /// </summary>
    public const int StatisticsImages = 64;

    /// <summary>Tiles per side of a view.</summary>
    public int Grid { get; }

    /// <summary>
    /// Whether each tile is resized to the backbone's input size before it is encoded: on small images, whose tiles are
    /// a few pixels wide, the backbone then learns at the resolution and map sizes it encodes whole images at.
    /// </summary>
    public bool Resize { get; }

    /// <summary>
    /// The features (N, backbone features) of jigsaw views <paramref name="views"/> (N, C, H, W), tile by tile through
    /// <paramref name="backbone"/>; with <paramref name="statisticsImages"/>, the backbone's batch-norm running
    /// statistics follow (up to <see cref="StatisticsImages"/> of) those images (<see cref="RunningStatistics.Follow"/>)
    /// rather than the tiles.
    /// </summary>
    public Tensor Features(Backbone backbone, Tensor views, Tensor? statisticsImages = null)
    {
        var tiles = JigsawTiling.Split(views, Grid);
        var (count, cells) = (tiles.shape[0], tiles.shape[1]);
        using var cut = tiles.flatten(0, 1);
        using var encoded = Resize
            ? nn.functional.interpolate(cut, [backbone.Input.Height, backbone.Input.Width], mode: InterpolationMode.Bilinear, align_corners: false)
            : cut.alias();
        if (statisticsImages is null)
            return Combine(backbone.call(encoded), count, cells);
        var features = RunningStatistics.Unchanged(backbone, () => backbone.call(encoded));
        using (var sample = statisticsImages.narrow(0, 0, Math.Min(statisticsImages.shape[0], StatisticsImages)))
            RunningStatistics.Follow(backbone, sample);
        return Combine(features, count, cells);
    }

    private Tensor Combine(Tensor features, long count, long cells)
    {
        using (features)
            return _combine.call(features.view(count, cells * features.shape[1]));
    }
}
