using static TorchSharp.torch;

namespace SelfishGen.Modules;

/// <summary>
/// The DINO projection head: an MLP (Linear → GELU per hidden layer, as in the paper, or Linear → BatchNorm → GELU,
/// DINO's option for convolutional backbones) down to a
/// bottleneck, L2-normalised, then a weight-normalised linear layer without bias onto the prototypes, logits = normalise(z)·normalise(V)ᵀ with each prototype row of V
/// at unit length (the weight-norm gain fixed at 1), so every logit is a cosine in [−1, 1].
/// </summary>
public sealed class DinoHead : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> _mlp;
    private readonly TorchSharp.Modules.Parameter _prototypes;

    /// <summary>
    /// Creates a head from <paramref name="inputs"/> features through <paramref name="hidden"/> layers and a
    /// <paramref name="bottleneck"/> to <paramref name="outputs"/> prototypes (DINO: [2048, 2048], 256, 65536), with
    /// batch norm in the hidden layers when <paramref name="batchNorm"/>.
    /// </summary>
    public DinoHead(int inputs, IReadOnlyList<int> hidden, int bottleneck, int outputs, bool batchNorm = false) : base(nameof(DinoHead))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(outputs, 1);
        var layers = new List<nn.Module<Tensor, Tensor>>();
        var width = inputs;
        foreach (var size in hidden)
        {
            layers.Add(nn.Linear(width, size));
            if (batchNorm)
                layers.Add(nn.BatchNorm1d(size));
            layers.Add(nn.GELU());
            width = size;
        }
        layers.Add(nn.Linear(width, bottleneck));
        _mlp = nn.Sequential(layers);
        _prototypes = new TorchSharp.Modules.Parameter(empty(outputs, bottleneck).normal_(0, 0.02));
        RegisterComponents();
    }

    /// <summary>The last layer: the prototypes (outputs, bottleneck), which DINO keeps from training during its first epoch.</summary>
    public TorchSharp.Modules.Parameter Prototypes => _prototypes;

    /// <summary>Prototype logits (N, outputs) of <paramref name="features"/> (N, inputs).</summary>
    public override Tensor forward(Tensor features)
    {
        var bottleneck = nn.functional.normalize(_mlp.call(features), dim: 1);
        return nn.functional.linear(bottleneck, nn.functional.normalize(_prototypes, dim: 1));
    }
}
