using SelfishGen.Augmentations;
using static TorchSharp.torch;

namespace SelfishGen.Views;

/// <summary>
/// PIRL's transformed view: a random crop of at least 60 % of the image (flipped at random) is cut into
/// <see cref="Grid"/>×<see cref="Grid"/> cells, a random crop of 75 % of each cell's side is colour-jittered and turned
/// grey at random on its own, and the tiles are put back in a random order (a fresh permutation per image).
/// </summary>
/// <remarks>
/// The tiles keep the image's value range (no per-tile standardisation), so the image view and the tiles feed the
/// backbone the same kind of input. Methods with a projector per view encode this view tile by tile
/// (<see cref="Modules.TileEncoder"/>): the tiles are equal squares at known places, so the view splits back exactly.
/// </remarks>
public sealed class JigsawView : IAugmentation
{
    /// <summary>Tiles per side.</summary>
    public const int Grid = 3;

    private readonly IAugmentation _image = new Compose(new RandomResizedCrop((0.6, 1)), new HorizontalFlip());
    private readonly JigsawTiling _tiling = new(Grid, cropFraction: 0.75, Augment.JigsawPatch(), standardize: false);

    /// <inheritdoc />
    public Tensor Apply(Tensor images, Generator random)
    {
        var tiles = _tiling.Cut(_image.Apply(images, random), random);
        var order = Draw.Uniform([images.shape[0], Grid * Grid], 0, 1, random).argsort(1).to(images.device);
        return JigsawTiling.Assemble(tiles, order);
    }
}
