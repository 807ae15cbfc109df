using SelfishGen.Augmentations;
using SelfishGen.Data;
using static TorchSharp.torch;

namespace SelfishGen.Views;

/// <summary>
/// Makes the views of a batch: one per declared pipeline, in order, then any DINO local crops (smaller, with the
/// local-crop augmentation of <see cref="Augment.DinoLocal"/>).
/// </summary>
public sealed class AugmentedViews
{
    private readonly IAugmentation[] _pipelines;

    /// <summary>Views of images of <paramref name="shape"/>: one per <paramref name="views"/> entry, then <paramref name="localCrops"/> local crops.</summary>
    public AugmentedViews(ImageShape shape, ViewAugmentation[] views, int localCrops = 0)
        : this([.. views.Select(view => ViewPipelines.Create(view))], shape, localCrops)
    {
    }

    /// <summary>
    /// Views made by pipelines of your own: one per <paramref name="pipelines"/> entry, then
    /// <paramref name="localCrops"/> local crops of images of <paramref name="shape"/>.
    /// </summary>
    public AugmentedViews(IReadOnlyList<IAugmentation> pipelines, ImageShape shape, int localCrops = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(localCrops);
        var local = Augment.DinoLocal(ViewPipelines.LocalCropSize(shape));
        _pipelines = [.. pipelines, .. Enumerable.Repeat(local, localCrops)];
    }

    /// <summary>Number of views made per image.</summary>
    public int Count => _pipelines.Length;

    /// <summary>The views of <paramref name="images"/>, each drawn from <paramref name="random"/>.</summary>
    public IReadOnlyList<Tensor> Apply(Tensor images, Generator random)
    {
        // The pipelines' intermediate images are released here, not held with the step's tensors until it ends.
        using var scope = NewDisposeScope();
        Tensor[] views = [.. _pipelines.Select(pipeline => pipeline.Apply(images, random))];
        scope.MoveToOuter(views);
        return views;
    }
}
