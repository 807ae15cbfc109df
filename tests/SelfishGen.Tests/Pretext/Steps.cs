using SelfishGen.Data;

namespace SelfishGen.Tests.Pretext;

/// <summary>Batches and training contexts for calling pretext tasks outside a training loop.</summary>
internal static class Steps
{
    /// <summary>A step context whose generator is seeded with <paramref name="seed"/>.</summary>
    public static TrainingContext Context(ulong seed = 7) => new(new Generator(seed, CPU), CPU, 0, 0, 1);

    /// <summary>An unlabelled batch of <paramref name="images"/> with dataset indices 0..N−1.</summary>
    public static Batch Batch(Tensor images) =>
        new(images, full(images.shape[0], -1L), arange(images.shape[0]));

    /// <summary>Whether two tensors have the same shape and values within <paramref name="tolerance"/>.</summary>
    public static bool Close(Tensor first, Tensor second, double tolerance = 1e-5) =>
        first.shape.SequenceEqual(second.shape) && first.allclose(second, rtol: 0, atol: tolerance);
}
