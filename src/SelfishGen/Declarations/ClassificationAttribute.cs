namespace SelfishGen;

/// <summary>
/// Declares a classification objective: an MLP head on the backbone's features is trained with cross-entropy to
/// predict the pretext task's class.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ClassificationAttribute : Attribute
{
    /// <summary>Widths of the head's hidden layers (each Linear → BatchNorm → ReLU); empty for a linear head.</summary>
    public int[] Hidden { get; set; } = [1024, 256];

    /// <summary>Label smoothing of the cross-entropy, in [0, 1).</summary>
    public double LabelSmoothing { get; set; }
}
