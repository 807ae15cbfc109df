namespace SelfishGen;

/// <summary>
/// Declares a contrastive objective (InfoNCE): each embedding must pick its positive among negatives. Negatives are
/// the other images of the batch, unless a <see cref="Queue"/> of momentum keys or a <see cref="MemoryBank"/> is set.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ContrastiveAttribute : Attribute
{
    /// <summary>Softmax temperature, greater than 0.</summary>
    public double Temperature { get; set; } = 0.1;

    /// <summary>Size of a queue of past keys used as negatives (MoCo); unset for none.</summary>
    public int Queue { get; set; }

    /// <summary>Negatives drawn per query from a memory bank of one normalised entry per image; unset for no bank.</summary>
    public int MemoryBank { get; set; }

    /// <summary>Share of a memory bank entry kept when it is updated with a new embedding, in [0, 1).</summary>
    public double BankMomentum { get; set; } = 0.5;
}
