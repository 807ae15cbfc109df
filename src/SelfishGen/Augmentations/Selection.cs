using SelfishGen.Distributed;
using static TorchSharp.torch;

namespace SelfishGen.Augmentations;

/// <summary>Runs a transformation on the chosen samples of a batch only, leaving the others as they are.</summary>
internal static class Selection
{
    /// <summary>
    /// Applies <paramref name="transform"/> to the samples where <paramref name="chosen"/> (bool, CPU; one entry per
    /// row drawn for, see <see cref="Draw.CoinOfAllRows"/>) is true; the transformation sees (and draws parameters for)
    /// only those samples. In a data-parallel step it runs whenever any rank's sample is chosen (on a stand-in row,
    /// its result unused, when none of this rank's is), so that every rank draws the same numbers.
    /// </summary>
    public static Tensor ApplyWhere(Tensor images, Tensor chosen, Func<Tensor, Tensor> transform)
    {
        if (SampleRows.Current is not { } rows)
            return ApplyToChosen(images, chosen, transform);
        if (!chosen.any().ToBoolean())
            return images;
        var subset = rows.Subset(chosen);
        if (subset.Count == 0)
        {
            using (SampleRows.Enter(subset.StandIn()))
                transform(images.narrow(0, 0, 1));
            return images;
        }
        using (SampleRows.Enter(subset))
            return ApplyToChosen(images, rows.Local(chosen), transform);
    }

    private static Tensor ApplyToChosen(Tensor images, Tensor chosen, Func<Tensor, Tensor> transform)
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
