using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace SelfishGen.Modules;

/// <summary>
/// A multi-layer perceptron head: each hidden layer is Linear → BatchNorm1d → ReLU; the output layer is a plain
/// Linear (no activation on logits or embeddings), optionally followed by a batch norm without scale or shift
/// (SimSiam's projector; the Linear then has no bias, which that norm would cancel).
/// </summary>
public sealed class MlpHead : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> _layers;

    /// <summary>
    /// Creates a head from <paramref name="inputs"/> features through <paramref name="hidden"/> to
    /// <paramref name="outputs"/>, with a final batch norm when <paramref name="outputNorm"/>.
    /// </summary>
    public MlpHead(int inputs, IReadOnlyList<int> hidden, int outputs, bool outputNorm = false) : base(nameof(MlpHead))
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
        layers.Add(Linear(width, outputs, hasBias: !outputNorm));
        if (outputNorm)
            layers.Add(BatchNorm1d(outputs, affine: false));
        _layers = Sequential(layers);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor features) => _layers.call(features);
}
