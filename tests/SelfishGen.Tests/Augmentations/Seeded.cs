using SelfishGen.Augmentations;

namespace SelfishGen.Tests.Augmentations;

/// <summary>Seeded generators and test images for augmentation tests.</summary>
internal static class Seeded
{
    public static Generator Random(ulong seed = 7) => new(seed, CPU);

    /// <summary>A batch of uniform random images in [0, 1].</summary>
    public static Tensor Images(long count = 6, long channels = 3, long height = 16, long width = 20, ulong seed = 1)
    {
        using var random = Random(seed);
        return rand([count, channels, height, width], generator: random);
    }

    /// <summary>The same random image repeated <paramref name="count"/> times.</summary>
    public static Tensor SameImage(long count = 8, long channels = 3) =>
        Images(1, channels).expand(count, -1, -1, -1).contiguous();

    /// <summary>Whether two tensors have the same shape and exactly the same values.</summary>
    public static bool Same(Tensor first, Tensor second) =>
        first.shape.SequenceEqual(second.shape) && first.eq(second).all().item<bool>();

    /// <summary>Applies an augmentation with a fresh generator of the given seed.</summary>
    public static Tensor Apply(IAugmentation augmentation, Tensor images, ulong seed = 7)
    {
        using var random = Random(seed);
        return augmentation.Apply(images, random);
    }
}
