namespace SelfishGen;

/// <summary>How <see cref="Optimizers"/> builds an optimizer, beyond its learning rate.</summary>
/// <param name="Kind">The optimizer.</param>
/// <param name="WeightDecay">
/// Weight decay: L2 for Adam, SGD and LARS, decoupled for AdamW; applied to weights only, never to biases or
/// normalisation parameters (any parameter of one dimension) unless <paramref name="DecayNormAndBias"/>.
/// </param>
/// <param name="Momentum">Momentum of SGD and LARS.</param>
/// <param name="Beta1">Adam's and AdamW's first-moment decay (GANs train with 0.5).</param>
/// <param name="Beta2">Adam's and AdamW's second-moment decay.</param>
/// <param name="DecayNormAndBias">Whether biases and normalisation parameters decay too.</param>
/// <param name="LarsTrust">LARS's trust coefficient η: a weight's step is η·‖w‖ / ‖g + λw‖ of the plain one.</param>
/// <param name="LarsClip">Whether LARS's step is at most plain SGD's: the trust ratio is divided by the learning rate and capped at 1.</param>
public sealed record OptimizerSettings(
    OptimizerKind Kind = OptimizerKind.Adam,
    double WeightDecay = 0,
    double Momentum = 0.9,
    double Beta1 = 0.9,
    double Beta2 = 0.999,
    bool DecayNormAndBias = false,
    double LarsTrust = 0.001,
    bool LarsClip = false);
