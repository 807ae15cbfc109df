namespace SelfishGen;

/// <summary>The optimizers <see cref="SelfSupervisedMethod.Supervise"/> can build.</summary>
public enum OptimizerKind
{
    /// <summary>Adam (β = 0.9 / 0.999, no weight decay): the original's default.</summary>
    Adam,

    /// <summary>AdamW with decoupled weight decay 0.01.</summary>
    AdamW,

    /// <summary>SGD with momentum 0.9 and weight decay 5e-4.</summary>
    Sgd,
}
