using SelfishGen.Objectives;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace SelfishGen.Modules;

/// <summary>
/// CPC's context network: one stack per <see cref="CpcDirection"/> of four <see cref="MaskedConv2d"/> → ReLU layers
/// and a 1×1 convolution, mapping an oriented feature grid (B, C, G, G) to C-channel predictions for each of
/// <c>steps</c> rows ahead (B, C·steps, G, G).
/// </summary>
public sealed class CpcContext : Module
{
    private const int Layers = 4;
    private readonly TorchSharp.Modules.ModuleList<Module<Tensor, Tensor>> _directions;

    /// <summary>Creates the network for features of <paramref name="channels"/> channels, <paramref name="width"/> hidden channels and <paramref name="steps"/> steps.</summary>
    public CpcContext(int channels, int width, int steps) : base(nameof(CpcContext))
    {
        _directions = ModuleList([.. CpcLoss.AllDirections.Select(_ => Stack(channels, width, steps))]);
        RegisterComponents();
    }

    /// <summary>The predictions for the grid <paramref name="oriented"/> so that <paramref name="direction"/> runs downwards.</summary>
    public Tensor Predict(Tensor oriented, CpcDirection direction) => _directions[(int)direction].call(oriented);

    private static Module<Tensor, Tensor> Stack(int channels, int width, int steps)
    {
        var layers = new List<Module<Tensor, Tensor>>();
        for (var layer = 0; layer < Layers; layer++)
        {
            layers.Add(new MaskedConv2d(layer == 0 ? channels : width, width));
            layers.Add(ReLU());
        }
        layers.Add(new ChannelAlignedConv2d(width, channels * steps, 1));
        return Sequential(layers);
    }
}
