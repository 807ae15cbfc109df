using SelfishGen.Pretext;
using SelfishGen.Tests.Training;

namespace SelfishGen.Tests.Pretext;

public sealed class ExemplarPretextTests
{
    [Fact]
    public void Classes_are_distinct_images_chosen_by_the_seed()
    {
        var pretext = new ExemplarPretext(100, 40, seed: 3);

        Assert.Equal(40, pretext.ClassCount);
        Assert.Equal(40, pretext.Members.Distinct().Count());
        Assert.All(pretext.Members, index => Assert.InRange(index, 0, 99));
        Assert.Equal(pretext.Members, new ExemplarPretext(100, 40, seed: 3).Members);
        Assert.NotEqual(pretext.Members, new ExemplarPretext(100, 40, seed: 4).Members);
    }

    [Fact]
    public void A_dataset_smaller_than_the_class_count_gives_every_image_once()
    {
        var pretext = new ExemplarPretext(10, 8000);

        Assert.Equal(10, pretext.ClassCount);
        Assert.Equal(Enumerable.Range(0, 10), pretext.Members.Order());
    }

    [Fact]
    public void The_prepared_set_has_the_dataset_size_and_holds_class_i_mod_classes_at_position_i()
    {
        var dataset = new SyntheticShapes(30, seed: 2);
        var pretext = new ExemplarPretext(dataset.Count, 12, seed: 5);

        var prepared = pretext.Prepare(dataset);

        Assert.Equal(30, prepared.Count);
        foreach (var position in new[] { 7, 19, 29 })
        {
            using var expected = dataset.LoadImages([pretext.Members[position % 12]]);
            using var actual = prepared.LoadImages([position]);
            Assert.True(Steps.Close(expected, actual, 0), $"position {position}");
        }
        var error = Assert.Throws<ArgumentException>(() => pretext.Prepare(new SyntheticShapes(29)));
        Assert.Contains("30 images", error.Message);
    }

    [Fact]
    public void Apply_augments_every_image_and_targets_its_position_mod_the_class_count()
    {
        var pretext = new ExemplarPretext(30, 12);
        using var batch = new SelfishGen.Data.Batch(rand(6, 3, 16, 16), full(6, -1L), tensor(new long[] { 4, 0, 11, 15, 27, 9 }));

        var (inputs, targets) = pretext.Apply(batch, Steps.Context(seed: 1));
        var (again, _) = pretext.Apply(batch, Steps.Context(seed: 1));

        Assert.Equal(new long[] { 4, 0, 11, 3, 3, 9 }, targets.data<long>().ToArray());
        Assert.Equal(batch.Images.shape, inputs.shape);
        Assert.False(Steps.Close(inputs, batch.Images), "the images were not augmented");
        Assert.True(Steps.Close(inputs, again, 0), "the same seed gave different augmentations");
    }
}
