namespace SelfishGen;

/// <summary>Declares the Barlow Twins objective: the two views' cross-correlation matrix is pulled to the identity.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class BarlowTwinsAttribute : Attribute
{
    /// <summary>Weight of the off-diagonal (redundancy reduction) term, at least 0.</summary>
    public double Lambda { get; set; } = 5e-3;

    /// <summary>
    /// Factor the whole loss is multiplied by, greater than 0 (solo-learn's CIFAR recipe: 0.1). Under LARS it sets how
    /// far biases and normalisation parameters move, whose gradients LARS leaves unscaled.
    /// </summary>
    public double LossScale { get; set; } = 1;
}
