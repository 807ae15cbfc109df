using SelfishGen.Augmentations;

namespace SelfishGen.Tests.Augmentations;

/// <summary>What every augmentation promises: shape, dtype and range kept, seeded, per-sample parameters.</summary>
public class AugmentationContractTests
{
    private static readonly Dictionary<string, Func<IAugmentation>> Random = new()
    {
        ["crop"] = () => new RandomResizedCrop((0.08, 1)),
        ["flip"] = () => new HorizontalFlip(),
        ["jitter"] = () => new ColorJitter(0.4, 0.4, 0.4, 0.1),
        ["grayscale"] = () => new RandomGrayscale(0.5),
        ["blur"] = () => new GaussianBlur(1, 0.1, 2, referenceSide: null),
        ["solarize"] = () => new Solarize(0.5),
        ["rotation"] = () => new Rotation(-30, 30),
        ["shear"] = () => new Shear(-30, 30),
        ["translate"] = () => new Translate(0.3),
        ["posterize"] = () => new Posterize(1, 8),
        ["saturation"] = () => new Saturation(0, 1),
        ["brightness"] = () => new Brightness(0, 1),
        ["contrast"] = () => new Contrast(0, 1),
        ["sharpness"] = () => new Sharpness(0, 1),
        ["hue"] = () => new Hue(0.5),
        ["erasing"] = () => new RandomErasing(),
        ["noise"] = () => new GaussianNoise(0.1),
        ["dropout"] = () => new PixelDropout(0.3, perChannel: true),
        ["dropout blocks"] = () => new PixelDropout(0.5, blockSize: 3),
        ["elastic"] = () => new ElasticDeformation(),
        ["apply"] = () => new RandomApply(0.5, new Invert()),
        ["choice"] = () => new RandomChoice(Augment.CpcPool(), 3),
        ["cpc"] = Augment.Cpc,
        ["exemplar"] = Augment.Exemplar,
        ["mocov2"] = () => Augment.MoCoV2(),
        ["simclr"] = () => Augment.SimClr(),
        ["byol1"] = () => Augment.ByolView1(),
        ["byol2"] = () => Augment.ByolView2(),
        ["dino-global1"] = () => Augment.DinoGlobal1(),
        ["dino-global2"] = () => Augment.DinoGlobal2(),
        ["dino-local"] = () => Augment.DinoLocal(),
        ["jigsaw-patch"] = Augment.JigsawPatch,
        ["padded-crop"] = Augment.PaddedCrop,
    };

    private static readonly Dictionary<string, Func<IAugmentation>> Fixed = new()
    {
        ["autocontrast"] = () => new AutoContrast(),
        ["invert"] = () => new Invert(),
        ["equalize"] = () => new Equalize(),
    };

    public static TheoryData<string> RandomNames => [.. Random.Keys];

    public static TheoryData<string> AllNames => [.. Random.Keys, .. Fixed.Keys];

    private static IAugmentation Create(string name) => (Random.GetValueOrDefault(name) ?? Fixed[name])();

    [Theory]
    [MemberData(nameof(AllNames))]
    public void Keeps_shape_dtype_and_range_for_colour_and_gray_images(string name)
    {
        using var scope = NewDisposeScope();
        foreach (var channels in new long[] { 3, 1 })
        {
            var images = Seeded.Images(channels: channels);
            var output = Seeded.Apply(Create(name), images);
            Assert.Equal(images.shape, output.shape);
            Assert.Equal(ScalarType.Float32, output.dtype);
            Assert.True(output.min().item<float>() >= 0 && output.max().item<float>() <= 1, $"{name} left [0, 1]");
            Assert.False(output.isnan().any().item<bool>(), $"{name} made NaN");
        }
    }

    [Theory]
    [MemberData(nameof(RandomNames))]
    public void The_same_seed_gives_the_same_output_and_another_seed_a_different_one(string name)
    {
        using var scope = NewDisposeScope();
        var images = Seeded.Images();
        var augmentation = Create(name);
        var first = Seeded.Apply(augmentation, images, seed: 3);
        Assert.True(Seeded.Same(first, Seeded.Apply(augmentation, images, seed: 3)), $"{name} is not reproducible");
        Assert.False(Seeded.Same(first, Seeded.Apply(augmentation, images, seed: 4)), $"{name} ignores the seed");
    }

    [Theory]
    [MemberData(nameof(RandomNames))]
    public void Samples_of_one_batch_get_their_own_parameters(string name)
    {
        using var scope = NewDisposeScope();
        var output = Seeded.Apply(Create(name), Seeded.SameImage(count: 8));
        var distinct = Enumerable.Range(1, 7).Count(i => !output[i].allclose(output[0]));
        Assert.True(distinct > 0, $"{name} gave every sample the same result");
    }

    [Fact]
    public void Probability_zero_is_the_identity()
    {
        using var scope = NewDisposeScope();
        var images = Seeded.Images();
        IAugmentation[] never =
        [
            new HorizontalFlip(0), new RandomGrayscale(0), new GaussianBlur(0), new Solarize(0),
            new RandomApply(0, new Invert()), new RandomErasing(0, count: 5), new PixelDropout(0),
        ];
        foreach (var augmentation in never)
            Assert.True(Seeded.Same(Seeded.Apply(augmentation, images), images), augmentation.GetType().Name);
    }

    [Fact]
    public void Random_choice_gives_samples_different_operations()
    {
        using var scope = NewDisposeScope();
        var images = full(64, 1, 4, 4, 0.25f);
        var output = Seeded.Apply(new RandomChoice([new Invert(), new Brightness(0, 0)]), images);
        var inverted = output.flatten(1).amax(1).eq(0.75f).sum().item<long>();
        var darkened = output.flatten(1).amax(1).eq(0f).sum().item<long>();
        Assert.Equal(64, inverted + darkened);
        Assert.InRange(inverted, 16, 48);
    }
}
