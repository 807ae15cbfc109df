using SelfishGen.Augmentations;
using SelfishGen.Distributed;
using SelfishGen.Tests.Augmentations;
using SelfishGen.Views;

namespace SelfishGen.Tests.Distributed;

/// <summary>
/// Rank-independent augmentation: each rank that draws for the whole batch and keeps its rows makes exactly the
/// views one process makes of the whole batch, for every view pipeline (with subsets chosen by coin flips, random
/// choices and per-patch augmentation).
/// </summary>
public sealed class ShardedDrawTests
{
    private const int Ranks = 3;
    private const int Rows = 4;

    public static TheoryData<string> Pipelines =>
        [.. Enum.GetNames<ViewAugmentation>(), "DinoLocal", "Exemplar", "Noise", "Dropout", "Erasing", "PatchGrid"];

    private static Func<Tensor, Generator, Tensor> Pipeline(string name) => name switch
    {
        "DinoLocal" => Augment.DinoLocal((8, 8)).Apply,
        "Exemplar" => Augment.Exemplar().Apply,
        "Noise" => new GaussianNoise(0.1).Apply,
        "Dropout" => new PixelDropout(0.3, perChannel: true).Apply,
        "Erasing" => new RandomErasing(0.5, count: 2).Apply,
        "PatchGrid" => new PatchGrid(3, Augment.Cpc()).Cut,
        _ => ViewPipelines.Create(Enum.Parse<ViewAugmentation>(name)).Apply,
    };

    [Theory]
    [MemberData(nameof(Pipelines))]
    public void Each_rank_makes_its_rows_of_the_whole_batch_views(string name)
    {
        using var scope = NewDisposeScope();
        var images = Seeded.Images(count: Ranks * Rows, height: 24, width: 24);
        var pipeline = Pipeline(name);
        var whole = pipeline(images, Seeded.Random(11));

        var parts = Enumerable.Range(0, Ranks).Select(rank =>
        {
            using var rows = SampleRows.Enter(SampleRows.Shard(Rows, rank, Ranks));
            return pipeline(images.narrow(0, rank * Rows, Rows), Seeded.Random(11));
        }).ToList();

        var sharded = cat(parts, 0);
        Assert.Equal(whole.shape, sharded.shape);
        Assert.True(whole.allclose(sharded, rtol: 0, atol: 1e-6), $"{name}: largest difference {(whole - sharded).abs().max().item<float>()}");
    }
}
