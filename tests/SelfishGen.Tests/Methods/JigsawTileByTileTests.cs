using SelfishGen.Methods;
using SelfishGen.Tests.Training;

namespace SelfishGen.Tests.Methods;

/// <summary>Jigsaw with <c>TileByTile</c> (its default): the backbone encodes each tile alone and a layer combines them in puzzle order.</summary>
public sealed class JigsawTileByTileTests : IDisposable
{
    private readonly string _store = Directory.CreateTempSubdirectory("selfish-jigsaw-").FullName;

    public void Dispose() => Directory.Delete(_store, recursive: true);

    [Fact]
    public void Tile_by_tile_the_puzzle_is_learned_and_the_combining_layer_is_part_of_the_state()
    {
        using var method = TinyMethods.Create("Jigsaw", new SyntheticShapes(64, seed: 3));
        Assert.True(((Jigsaw.Options)method.Hyperparameters).TileByTile, "tile by tile is Jigsaw's default");

        var report = method.Supervise(lr: 3e-3, epochs: 6, batchSize: 16, name: Path.Combine(_store, "tiles"), recipe: TrainingRecipe.Default);

        LossAssert.Falls(report, "Jigsaw tile by tile");
        Assert.Contains("tiles.combine.weight", method.state_dict().Keys);
    }

    [Fact]
    public void Encoding_the_whole_puzzle_has_no_combining_layer()
    {
        using var method = TinyMethods.Create("Jigsaw", new SyntheticShapes(8, seed: 3), extra: ["TileByTile=false"]);

        Assert.DoesNotContain(method.state_dict().Keys, key => key.StartsWith("tiles.", StringComparison.Ordinal));
    }
}
