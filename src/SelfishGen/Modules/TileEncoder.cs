using SelfishGen.Augmentations;
using static TorchSharp.torch;

namespace SelfishGen.Modules;

/// <summary>
/// Encodes a jigsaw view tile by tile, as PIRL does: the view (N, C, Grid·h, Grid·w) is split into its Grid² tiles,
/// the backbone encodes every tile on its own, and a linear layer combines the Grid² tile features, in the view's
/// (shuffled) order, into one feature vector per image (N, features).
/// </summary>
/// <remarks>
/// The backbone is passed to <see cref="Features"/> rather than held, so its parameters stay the method's only once.
/// Tiles go through it as one batch of N·Grid² images, with batch statistics of their own (not mixed with the image
/// view's).
/// </remarks>
public sealed class TileEncoder : nn.Module
{
    private readonly TorchSharp.Modules.Linear _combine;

    /// <summary>Creates the encoder for a backbone of <paramref name="features"/> outputs and views of <paramref name="grid"/>² tiles.</summary>
    public TileEncoder(int features, int grid) : base(nameof(TileEncoder))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(features, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(grid, 1);
        Grid = grid;
        _combine = nn.Linear(grid * grid * features, features);
        register_module("combine", _combine);
    }

    /// <summary>Tiles per side of a view.</summary>
    public int Grid { get; }

    /// <summary>The features (N, backbone features) of jigsaw views <paramref name="views"/> (N, C, H, W), tile by tile through <paramref name="backbone"/>.</summary>
    public Tensor Features(Backbone backbone, Tensor views)
    {
        var tiles = JigsawTiling.Split(views, Grid);
        var (count, cells) = (tiles.shape[0], tiles.shape[1]);
        var features = backbone.call(tiles.flatten(0, 1));
        return _combine.call(features.view(count, cells * features.shape[1]));
    }
}
