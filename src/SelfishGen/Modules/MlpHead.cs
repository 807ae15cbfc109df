using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace SelfishGen.Modules;

/// <summary>
/// A multi-layer perceptron head: each hidden layer is Linear → BatchNorm1d → ReLU; the output layer is a plain
/// Linear (no normalisation or activation on logits or embeddings).
/// </summary>
public sealed class MlpHead : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> _layers;

    /// <summary>Creates a head from <paramref name="inputs"/> features through <paramref name="hidden"/> to <paramref name="outputs"/>.</summary>
    public MlpHead(int inputs, IReadOnlyList<int> hidden, int outputs) : base(nameof(MlpHead))
    {
        var layers = new List<Module<Tensor, Tensor>>();
        var width = inputs;
        foreach (var size in hidden)
        {
            layers.Add(Linear(width, size, hasBias: false));
            layers.Add(BatchNorm1d(size));
            layers.Add(ReLU(inplace: true));
            width = size;
        }
        layers.Add(Linear(width, outputs));
        _layers = Sequential(layers);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor features) => _layers.call(features);
}
