using TorchSharp.Modules;

namespace SelfishGen;

/// <summary>Builds the optimizers of <see cref="OptimizerKind"/>.</summary>
public static class Optimizers
{
    /// <summary>An optimizer of <paramref name="kind"/> over <paramref name="parameters"/> at learning rate <paramref name="lr"/>.</summary>
    public static OptimizerHelper Create(OptimizerKind kind, IEnumerable<Parameter> parameters, double lr)
    {
        var trainable = parameters.Where(p => p.requires_grad).ToList();
        return kind switch
        {
            OptimizerKind.Adam => torch.optim.Adam(trainable, lr),
            OptimizerKind.AdamW => torch.optim.AdamW(trainable, lr, weight_decay: 0.01),
            OptimizerKind.Sgd => torch.optim.SGD(trainable, lr, momentum: 0.9, weight_decay: 5e-4),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }
}
