using static TorchSharp.torch;

namespace SelfishGen.Objectives;

/// <summary>Cross-entropy between class logits and target class indices, with optional label smoothing.</summary>
public sealed class ClassificationObjective(double labelSmoothing = 0.0)
{
    /// <summary>Label smoothing, in [0, 1).</summary>
    public double LabelSmoothing { get; } = labelSmoothing;

    /// <summary>Mean cross-entropy of <paramref name="logits"/> (N, K) against <paramref name="targets"/> (N).</summary>
    public Tensor Loss(Tensor logits, Tensor targets) =>
        nn.functional.cross_entropy(logits, targets, label_smoothing: LabelSmoothing);
}
