namespace SelfishGen.Generators.Model;

/// <summary>Where a contrastive method's negatives come from.</summary>
internal enum NegativesKind
{
    /// <summary>The other images of the batch (or no negatives at all, for non-contrastive objectives).</summary>
    Batch,

    /// <summary>A queue of past keys (for an objective of the user's own, the queue of past embeddings it reads and fills).</summary>
    Queue,

    /// <summary>A memory bank of one entry per image.</summary>
    MemoryBank,
}
