namespace SelfishGen.State;

/// <summary>Sizes that papers chose for ImageNet, capped for smaller datasets.</summary>
public static class DatasetScaled
{
    /// <summary>
    /// <paramref name="declared"/>, but at most an eighth of a dataset of <paramref name="datasetSize"/> images rounded
    /// down to a power of two (at least 1). MoCo's queue: an image's own key from an earlier epoch is then rarely among
    /// its negatives and the random start is soon replaced; DINO's prototypes: a few per class-sized cluster of images
    /// instead of more prototypes than images. CIFAR-10 and Fashion-MNIST get 4096 (the usual CIFAR-10 queue, and
    /// solo-learn's CIFAR-10 DINO prototypes), ImageNet the papers' 65536.
    /// </summary>
    public static int Size(int declared, int datasetSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(declared, 1);
        var eighth = Math.Max(1, datasetSize / 8);
        return Math.Min(declared, 1 << (31 - int.LeadingZeroCount(eighth)));
    }
}
