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

    /// <summary>
    /// Negatives drawn per query from a memory bank of one normalised entry per image; unset for no bank. With two views
    /// through one projector, each view's loss against the bank is averaged and the bank takes the views' mean.
    /// </summary>
    public int MemoryBank { get; set; }

    /// <summary>Share of a memory bank entry kept when it is updated with a new embedding, in [0, 1).</summary>
    public double BankMomentum { get; set; } = 0.5;

    /// <summary>
    /// Whether a fresh run fills the memory bank with the untrained encoder's embeddings of every image before its
    /// first step (the default), so that the first epoch contrasts real features; false starts from random unit
    /// vectors, as the papers do.
    /// </summary>
    public bool BankWarmStart { get; set; } = true;

    /// <summary>
    /// With a momentum encoder: groups each batch is forwarded in, each with its own batch-norm statistics, the keys
    /// grouped after a random shuffle, so a query and its key never share statistics (MoCo's shuffle-BN on one
    /// device; see <see cref="Modules.BatchNormGroups"/>). 1, the default, forwards the batch whole.
    /// </summary>
    public int BatchNormGroups { get; set; } = 1;

    /// <summary>
    /// With a momentum encoder: each view is also the query of the other's key, and the two losses are averaged (the
    /// symmetrised loss of MoCo v3 and solo-learn's MoCo v2+), at twice the forward work; the queue then takes both
    /// views' keys. False, the default, is MoCo v2's one query per image.
    /// </summary>
    public bool SymmetricLoss { get; set; }
}
