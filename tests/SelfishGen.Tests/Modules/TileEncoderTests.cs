using SelfishGen.Augmentations;
using SelfishGen.Data;
using SelfishGen.Modules;

namespace SelfishGen.Tests.Modules;

/// <summary>PIRL's jigsaw branch encodes each tile on its own, then combines the tiles' features in the view's order.</summary>
public sealed class TileEncoderTests
{
    [Fact]
    public void Features_are_the_combined_features_of_each_tile_encoded_alone()
    {
        using var scope = NewDisposeScope();
        var (backbone, encoder) = Seeded(5);
        var views = rand(2, 1, 12, 12);

        var features = encoder.Features(backbone, views);

        var perTile = new List<Tensor>();
        for (var row = 0; row < 3; row++)
            for (var column = 0; column < 3; column++)
                perTile.Add(backbone.call(views[.., .., (4 * row)..(4 * row + 4), (4 * column)..(4 * column + 4)]));
        var parameters = encoder.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        var expected = nn.functional.linear(cat(perTile, 1), parameters["combine.weight"], parameters["combine.bias"]);
        Assert.Equal(new long[] { 2, backbone.OutputFeatures }, features.shape);
        Assert.True(features.allclose(expected, rtol: 1e-4, atol: 1e-5), $"largest difference {(features - expected).abs().max().ToSingle()}");
    }

    [Fact]
    public void Shuffling_the_tiles_changes_the_features()
    {
        using var scope = NewDisposeScope();
        var (backbone, encoder) = Seeded(6);
        var views = rand(1, 1, 12, 12);
        var swapped = JigsawTiling.Assemble(JigsawTiling.Split(views, 3), tensor(new long[] { 1, 0, 2, 3, 4, 5, 6, 7, 8 }).view(1, 9));

        var difference = (encoder.Features(backbone, views) - encoder.Features(backbone, swapped)).abs().max().ToSingle();

        Assert.True(difference > 1e-4f, "the order of the tiles should reach the features (the jigsaw is shuffled)");
    }

    [Fact]
    public void Resized_tiles_are_encoded_at_the_backbones_input_size()
    {
        using var scope = NewDisposeScope();
        manual_seed(7);
        var backbone = new ConvNet(new ImageShape(1, 12, 12), width: 4);
        backbone.eval();
        var encoder = new TileEncoder(backbone.OutputFeatures, grid: 2, resize: true);
        var views = rand(2, 1, 8, 8); // 2×2 tiles of 4×4 pixels

        var features = encoder.Features(backbone, views);

        var perTile = new List<Tensor>();
        for (var row = 0; row < 2; row++)
            for (var column = 0; column < 2; column++)
            {
                var tile = views[.., .., (4 * row)..(4 * row + 4), (4 * column)..(4 * column + 4)];
                perTile.Add(backbone.call(nn.functional.interpolate(tile, [12, 12], mode: InterpolationMode.Bilinear, align_corners: false)));
            }
        var parameters = encoder.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        var expected = nn.functional.linear(cat(perTile, 1), parameters["combine.weight"], parameters["combine.bias"]);
        Assert.True(features.allclose(expected, rtol: 1e-4, atol: 1e-5), $"largest difference {(features - expected).abs().max().ToSingle()}");
        var unresized = new TileEncoder(backbone.OutputFeatures, grid: 2);
        unresized.load_state_dict(encoder.state_dict());
        Assert.False(unresized.Features(backbone, views).allclose(features, rtol: 1e-3, atol: 1e-4), "resizing should change what the backbone sees");
    }

    // A narrow ConvNet for 12×12 images in eval mode and a 3×3 tile encoder for it, drawn from seed.
    private static (ConvNet Backbone, TileEncoder Encoder) Seeded(int seed)
    {
        manual_seed(seed);
        var backbone = new ConvNet(new ImageShape(1, 12, 12), width: 4);
        backbone.eval();
        return (backbone, new TileEncoder(backbone.OutputFeatures, grid: 3));
    }
}
