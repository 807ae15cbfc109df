using System.Runtime;
using SelfishGen.Data;
using SelfishGen.Hosting;
using SelfishGen.Methods;
using SelfishGen.Modules;

namespace SelfishGen.Tests.Training;

public sealed class NoCollectionRegionTests
{
    [Fact]
    public void No_collection_runs_inside_the_region_and_disposing_ends_it()
    {
        var before = GCSettings.LatencyMode;
        int collections;
        using (var region = NoCollectionRegion.Enter())
        {
            Assert.True(region.IsActive);
            collections = GC.CollectionCount(0);
            var garbage = 0L;
            for (var i = 0; i < 100_000; i++)
                garbage += new byte[100].Length; // about 13 MB of short-lived objects, within the budget
            Assert.Equal(10_000_000, garbage);
            Assert.Equal(collections, GC.CollectionCount(0));
        }
        Assert.Equal(before, GCSettings.LatencyMode);
    }

    [Fact]
    public void A_region_inside_a_region_leaves_the_outer_one_to_end_it()
    {
        using var outer = NoCollectionRegion.Enter();
        var inner = NoCollectionRegion.Enter();

        Assert.False(inner.IsActive);
        inner.Dispose();
        Assert.True(outer.IsActive);
    }

    [Fact]
    public void Every_training_step_runs_inside_a_region_to_its_end()
    {
        var store = Directory.CreateTempSubdirectory("selfish-region-").FullName;
        try
        {
            manual_seed(1);
            var method = new RecordingRotateNet(new SyntheticShapes(32, seed: 3));

            method.Supervise(epochs: 1, batchSize: 16, name: Path.Combine(store, "run"));

            Assert.Equal([GCLatencyMode.NoGCRegion, GCLatencyMode.NoGCRegion], method.ModesSeen);
            Assert.Equal([GCLatencyMode.NoGCRegion, GCLatencyMode.NoGCRegion], method.ModesAtEnd);
            Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        }
        finally
        {
            Directory.Delete(store, recursive: true);
        }
    }

    /// <summary>The small generated RotateNet, noting the collector's mode while each step computes its loss and when it ends.</summary>
    private sealed class RecordingRotateNet(IImageDataset dataset)
        : RotateNet(dataset, new Options { Hidden = [32] }, new ConvNet(dataset.Shape, width: 8))
    {
        public List<GCLatencyMode> ModesSeen { get; } = [];

        public List<GCLatencyMode> ModesAtEnd { get; } = [];

        protected override void Update(Tensor loss, TrainingSetup setup, Batch batch, TrainingContext context)
        {
            base.Update(loss, setup, batch, context);
            ModesAtEnd.Add(GCSettings.LatencyMode);
        }

        protected override Tensor Forward(Batch batch, TrainingContext context)
        {
            ModesSeen.Add(GCSettings.LatencyMode);
            return base.Forward(batch, context);
        }
    }
}
