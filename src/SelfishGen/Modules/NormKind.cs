namespace SelfishGen.Modules;

/// <summary>The normalisation a backbone uses after its convolutions.</summary>
public enum NormKind
{
    /// <summary>Batch normalisation: statistics over the batch in training, running averages in evaluation.</summary>
    Batch,

    /// <summary>
    /// Per-sample normalisation over (C, H, W) with a learned per-channel scale and shift, the same in training and
    /// evaluation: one image's output never depends on the other images in its batch.
    /// </summary>
    Layer,
}
