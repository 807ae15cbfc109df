using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace SelfishGen.Modules;

/// <summary>A backbone followed by a head, e.g. a pre-trained encoder with a new classifier for a downstream task.</summary>
public sealed class CombinedNet : Module<Tensor, Tensor>
{
    /// <summary>Combines <paramref name="backbone"/> and <paramref name="head"/>.</summary>
    public CombinedNet(Module<Tensor, Tensor> backbone, Module<Tensor, Tensor> head) : base(nameof(CombinedNet))
    {
        Backbone = backbone;
        Head = head;
        register_module("backbone", backbone);
        register_module("head", head);
    }

    /// <summary>The encoder.</summary>
    public Module<Tensor, Tensor> Backbone { get; }

    /// <summary>The head on the encoder's output.</summary>
    public Module<Tensor, Tensor> Head { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor images)
    {
        using var features = Backbone.call(images);
        return Head.call(features);
    }
}
