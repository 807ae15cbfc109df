using SelfishGen;
using TorchSharp;
using SelfishGen.Objectives;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CustomMethod;

/// <summary>
/// SwAV's swapped prediction: each view's normalised embedding is scored against learned prototypes (unit vectors);
/// Sinkhorn turns each view's scores into codes, and each view predicts the other's codes with a softmax at the
/// declared temperature (cross-entropy, averaged over both directions). A module: its prototypes train with the
/// method and are saved in its checkpoints.
/// </summary>
[ViewCount(2)]
public sealed class SwavLoss : nn.Module, IViewObjective
{
    /// <summary>Number of prototypes (clusters).</summary>
    public const int Prototypes = 32;

    private static readonly Scalar Half = 0.5.ToScalar();
    private static readonly Scalar One = 1.ToScalar();
    private readonly Linear _prototypes;
    private readonly Scalar _temperature;

    /// <summary>Prototypes as wide as the embeddings of <paramref name="setup"/>, at its temperature.</summary>
    public SwavLoss(ObjectiveSetup setup) : base(nameof(SwavLoss))
    {
        _prototypes = nn.Linear(setup.EmbeddingWidth, Prototypes, hasBias: false);
        _temperature = setup.Temperature.ToScalar();
        RegisterComponents();
    }

    /// <inheritdoc />
    public Tensor Loss(ObjectiveInputs inputs)
    {
        using (no_grad())
            _prototypes.weight!.copy_(nn.functional.normalize(_prototypes.weight, dim: 1));
        var scores0 = _prototypes.call(nn.functional.normalize(inputs.Embeddings[0], dim: 1));
        var scores1 = _prototypes.call(nn.functional.normalize(inputs.Embeddings[1], dim: 1));
        return SwappedPrediction(scores0, Sinkhorn.Codes(scores1)).add(SwappedPrediction(scores1, Sinkhorn.Codes(scores0)), One).mul(Half);
    }

    // −Σ_k codes·log softmax(scores / τ), averaged over the batch.
    private Tensor SwappedPrediction(Tensor scores, Tensor codes) =>
        codes.mul(nn.functional.log_softmax(scores.div(_temperature), 1)).sum(1).mean().neg();
}
