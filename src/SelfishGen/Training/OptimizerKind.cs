namespace SelfishGen;

/// <summary>The optimizers <see cref="SelfSupervisedMethod.Supervise"/> can build.</summary>
public enum OptimizerKind
{
    /// <summary>Adam, with L2 weight decay when one is set: the original's default.</summary>
    Adam,

    /// <summary>AdamW: Adam with decoupled weight decay.</summary>
    AdamW,

    /// <summary>SGD with momentum.</summary>
    Sgd,

    /// <summary>LARS: SGD with momentum on gradients rescaled per layer (<see cref="LarsScaling"/>).</summary>
    Lars,
}
