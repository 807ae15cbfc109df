using TorchSharp.Modules;

namespace SelfishGen;

/// <summary>Builds the optimizers of <see cref="OptimizerKind"/>.</summary>
public static class Optimizers
{
    /// <summary>
    /// An optimizer of <paramref name="settings"/> over the trainable <paramref name="parameters"/> at learning rate
    /// <paramref name="lr"/>: two parameter groups, weights with the weight decay and the rest (biases, normalisation
    /// scales and shifts: every parameter of one dimension) without, unless the settings decay them too. LARS is SGD
    /// whose gradients <see cref="LarsScaling"/> rescales before each step.
    /// </summary>
    public static OptimizerHelper Create(OptimizerSettings settings, IEnumerable<Parameter> parameters, double lr)
    {
        var trainable = parameters.Where(p => p.requires_grad).ToList();
        var decayed = trainable.Where(p => settings.DecayNormAndBias || Decays(p)).ToList();
        var kept = trainable.Except(decayed).ToList();
        return settings.Kind switch
        {
            OptimizerKind.Adam => torch.optim.Adam(
                Groups(decayed, kept, decay => new Adam.ParamGroup(decay.Parameters, new Adam.Options { weight_decay = decay.Rate(settings) })),
                lr, settings.Beta1, settings.Beta2),
            OptimizerKind.AdamW => torch.optim.AdamW(
                Groups(decayed, kept, decay => new AdamW.ParamGroup(decay.Parameters, new AdamW.Options { weight_decay = decay.Rate(settings) })),
                lr, settings.Beta1, settings.Beta2),
            OptimizerKind.Sgd => torch.optim.SGD(
                Groups(decayed, kept, decay => new SGD.ParamGroup(decay.Parameters, new SGD.Options { weight_decay = decay.Rate(settings) })),
                lr, settings.Momentum),
            // LARS adds the weight decay itself, before its rescaling.
            OptimizerKind.Lars => torch.optim.SGD(trainable, lr, settings.Momentum),
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Kind, null),
        };
    }

    /// <summary>Sets the weight decay of <paramref name="group"/> (of an optimizer <see cref="Create(OptimizerSettings, IEnumerable{Parameter}, double)"/> built).</summary>
    public static void SetWeightDecay(ParamGroup group, double weightDecay)
    {
        switch (group.Options)
        {
            case Adam.Options adam: adam.weight_decay = weightDecay; break;
            case AdamW.Options adamW: adamW.weight_decay = weightDecay; break;
            case SGD.Options sgd: sgd.weight_decay = weightDecay; break;
            default: throw new ArgumentException($"The weight decay of a {group.Options?.GetType().Name} group cannot be set.", nameof(group));
        }
    }

    /// <summary>Whether <paramref name="parameter"/> is a weight (decayed by default): it has more than one dimension.</summary>
    public static bool Decays(Parameter parameter) => parameter.dim() > 1;

    private static List<T> Groups<T>(List<Parameter> decayed, List<Parameter> kept, Func<DecayGroup, T> group) =>
        [.. new[] { new DecayGroup(decayed, true), new DecayGroup(kept, false) }.Where(g => g.Parameters.Count > 0).Select(group)];

    private sealed record DecayGroup(List<Parameter> Parameters, bool Decayed)
    {
        public double Rate(OptimizerSettings settings) => Decayed ? settings.WeightDecay : 0;
    }
}
