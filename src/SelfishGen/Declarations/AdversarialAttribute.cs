namespace SelfishGen;

/// <summary>
/// Declares an adversarial loss next to the reconstruction: an image discriminator learns to tell clean images from
/// completed ones, in alternating steps, and the method's loss is (1 − Weight) · reconstruction + Weight · adversarial.
/// The method must derive from <see cref="AdversarialMethod"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class AdversarialAttribute : Attribute
{
    /// <summary>Share of the adversarial term in the loss, in [0, 1).</summary>
    public double Weight { get; set; } = 0.001;
}
