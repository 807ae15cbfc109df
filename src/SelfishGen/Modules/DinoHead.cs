using static TorchSharp.torch;

namespace SelfishGen.Modules;

/// <summary>
/// The DINO projection head: an MLP (Linear → GELU per hidden layer, as in the paper, or Linear → BatchNorm → GELU,
/// DINO's option for convolutional backbones) down to a
/// bottleneck, L2-normalised, then a weight-normalised linear layer without bias onto the prototypes,
/// logits = normalise(z)·(g ⊙ normalise(V))ᵀ. With the gain g fixed at 1 (the default, the paper's ViT-B setting) every
/// logit is a cosine in [−1, 1]; with a trainable gain per prototype (started at 1) the student can sharpen its own
/// distribution, the paper's choice for ViT-S and solo-learn's for CIFAR.
/// </summary>
public sealed class DinoHead : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> _mlp;
    private readonly TorchSharp.Modules.Parameter _prototypes;
    private readonly TorchSharp.Modules.Parameter? _gains;

    /// <summary>
    /// Creates a head from <paramref name="inputs"/> features through <paramref name="hidden"/> layers and a
    /// <paramref name="bottleneck"/> to <paramref name="outputs"/> prototypes (DINO: [2048, 2048], 256, 65536), with
    /// batch norm in the hidden layers when <paramref name="batchNorm"/>, each prototype at unit length when
    /// <paramref name="normalizeLastLayer"/>, else scaled by a trainable gain.
    /// </summary>
    public DinoHead(int inputs, IReadOnlyList<int> hidden, int bottleneck, int outputs, bool batchNorm = false, bool normalizeLastLayer = true) : base(nameof(DinoHead))
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
        _gains = normalizeLastLayer ? null : new TorchSharp.Modules.Parameter(ones(outputs, 1));
        RegisterComponents();
    }

    /// <summary>The prototypes (outputs, bottleneck).</summary>
    public TorchSharp.Modules.Parameter Prototypes => _prototypes;

    /// <summary>The last layer, which DINO keeps from training during its first epoch: the prototypes, and their gains when they have them.</summary>
    public IEnumerable<TorchSharp.Modules.Parameter> LastLayer => _gains is null ? [_prototypes] : [_prototypes, _gains];

    /// <summary>Prototype logits (N, outputs) of <paramref name="features"/> (N, inputs).</summary>
    public override Tensor forward(Tensor features)
    {
        var bottleneck = nn.functional.normalize(_mlp.call(features), dim: 1);
        var prototypes = nn.functional.normalize(_prototypes, dim: 1);
        return nn.functional.linear(bottleneck, _gains is null ? prototypes : prototypes * _gains);
    }
}
