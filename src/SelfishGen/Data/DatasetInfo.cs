namespace SelfishGen.Data;

/// <summary>What a method needs to know of its training data to build itself: image shape and image count.</summary>
/// <remarks>Saved in checkpoints, so a method can be rebuilt without its dataset.</remarks>
public sealed record DatasetInfo(ImageShape Shape, int Count)
{
    /// <summary>The info of <paramref name="dataset"/>.</summary>
    public static DatasetInfo Of(IImageDataset dataset) => new(dataset.Shape, dataset.Count);
}
