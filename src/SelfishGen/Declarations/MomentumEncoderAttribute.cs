namespace SelfishGen;

/// <summary>
/// Declares a momentum (target) copy of the backbone and projector that follows the online one by exponential moving
/// average after every step, over parameters and buffers.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class MomentumEncoderAttribute : Attribute
{
    /// <summary>EMA momentum, in [0, 1): the share of the target kept at each step (at the start, when cosine).</summary>
    public double Momentum { get; set; } = 0.999;

    /// <summary>Whether the momentum rises from <see cref="Momentum"/> to 1 along a half cosine over training.</summary>
    public bool Cosine { get; set; }
}
