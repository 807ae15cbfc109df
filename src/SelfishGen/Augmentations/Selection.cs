using static TorchSharp.torch;

namespace SelfishGen.Augmentations;

/// <summary>Runs a transformation on the chosen samples of a batch only, leaving the others as they are.</summary>
internal static class Selection
{
    /// <summary>
    /// Applies <paramref name="transform"/> to the samples where <paramref name="chosen"/> (bool, N, CPU) is true;
    /// the transformation sees (and draws parameters for) only those samples.
    /// </summary>
    public static Tensor ApplyWhere(Tensor images, Tensor chosen, Func<Tensor, Tensor> transform)
    {
        var indices = chosen.nonzero().view(-1);
        var count = indices.shape[0];
        if (count == 0)
            return images;
        if (count == images.shape[0])
            return transform(images);
        indices = indices.to(images.device);
        return images.index_copy(0, indices, transform(images.index_select(0, indices)));
    }
}
