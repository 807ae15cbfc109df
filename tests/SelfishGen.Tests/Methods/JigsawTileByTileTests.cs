using SelfishGen.Methods;
using SelfishGen.Tests.Training;

namespace SelfishGen.Tests.Methods;

/// <summary>
/// Jigsaw with <c>TileByTile</c> (its default): the backbone encodes each tile alone and a layer combines them in puzzle
/// order. That it learns its puzzle this way is <see cref="MethodTrainingTests"/>' Jigsaw case, which trains the default.
/// </summary>
public sealed class JigsawTileByTileTests
{
    [Fact]
    public void Tile_by_tile_is_the_default_and_the_combining_layer_is_part_of_the_state()
    {
        using var method = TinyMethods.Create("Jigsaw", new SyntheticShapes(8, seed: 3));

        Assert.True(((Jigsaw.Options)method.Hyperparameters).TileByTile, "tile by tile is Jigsaw's default");
        Assert.Contains("tiles.combine.weight", method.state_dict().Keys);
    }

    [Fact]
    public void Resizing_tiles_encodes_them_tile_by_tile_and_the_puzzle_is_learned()
    {
        using var method = TinyMethods.Create("Jigsaw", new SyntheticShapes(64, seed: 3), extra: ["TileByTile=false", "ResizeTiles=true"]);

        Assert.Contains("tiles.combine.weight", method.state_dict().Keys);
        var store = Directory.CreateTempSubdirectory("selfish-jigsaw-").FullName;
        try
        {
            var report = method.Supervise(lr: TinyMethods.LearningRate("Jigsaw"), epochs: 6, batchSize: 16, name: Path.Combine(store, "Jigsaw"),
                recipe: TrainingRecipe.Default);
            LossAssert.Falls(report, "Jigsaw with resized tiles");
        }
        finally
        {
            Directory.Delete(store, recursive: true);
        }
    }

    [Fact]
    public void Encoding_the_whole_puzzle_has_no_combining_layer()
    {
        using var method = TinyMethods.Create("Jigsaw", new SyntheticShapes(8, seed: 3), extra: ["TileByTile=false"]);

        Assert.DoesNotContain(method.state_dict().Keys, key => key.StartsWith("tiles.", StringComparison.Ordinal));
    }
}
