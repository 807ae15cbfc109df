namespace SelfishGen;

/// <summary>
/// Declares contrastive predictive coding (CPC v2): each image is cut into a grid of overlapping patches, each
/// augmented and encoded alone; a masked context network predicts the patch features a few rows ahead, in all four
/// directions, against the other positions of the batch.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class PredictiveCodingAttribute : Attribute
{
    /// <summary>Patches per side of the grid, greater than <see cref="Steps"/>.</summary>
    public int Grid { get; set; } = 7;

    /// <summary>How many rows ahead are predicted, at least 1.</summary>
    public int Steps { get; set; } = 3;

    /// <summary>Channels of the context network's hidden layers, at least 1.</summary>
    public int ContextWidth { get; set; } = 256;
}
