using SelfishGen.Data;
using SelfishGen.Modules;
using static TorchSharp.torch;

namespace SelfishGen;

/// <summary>
/// A self-supervised training method: a backbone, the heads and state its declaration asks for, and the training
/// loop. Declare a method as an attributed <c>partial</c> class deriving from this one; the source generator writes
/// its options, constructors, heads, <see cref="ComputeLoss"/> and <see cref="AfterStep"/>.
/// </summary>
public abstract partial class SelfSupervisedMethod : nn.Module
{
    /// <summary>Builds the shared part of a method; generated constructors call it.</summary>
    /// <param name="name">The method's name (its class name).</param>
    /// <param name="data">Shape and size of the training data.</param>
    /// <param name="options">The validated options.</param>
    /// <param name="backbone">A custom backbone, or null to build <see cref="MethodOptions.Backbone"/>.</param>
    protected SelfSupervisedMethod(string name, DatasetInfo data, MethodOptions options, Backbone? backbone) : base(name)
    {
        _ = ConvolutionKernels.Chosen;
        Data = data;
        Hyperparameters = options;
        Backbone = backbone ?? Backbones.Create(options.Backbone, data.Shape);
        register_module("backbone", Backbone);
    }

    /// <summary>Shape and size of the data the method was built for.</summary>
    public DatasetInfo Data { get; }

    /// <summary>The method's hyperparameters (each method's generated <c>Hyperparameters</c> property gives them typed).</summary>
    public MethodOptions Hyperparameters { get; }

    /// <summary>The encoder being trained.</summary>
    public Backbone Backbone { get; }

    /// <summary>The images <see cref="Supervise"/> trains on; null for a method restored without data.</summary>
    public IImageDataset? Dataset { get; set; }

    /// <summary>The device the method's tensors live on.</summary>
    public Device Device { get; private set; } = CPU;

    /// <summary>Where training stands: updated by every step, saved in checkpoints.</summary>
    public TrainingState State { get; private set; } = TrainingState.Start(0);

    /// <summary>
    /// The trained encoder, for downstream tasks (e.g. <c>new CombinedNet(method.GetBackbone(), head)</c>) and evaluation,
    /// applied to whole images as the method's paper applies it: <see cref="Backbone"/> itself, or for a method that
    /// trains it on patches (CPC) the patch encoder over the image's patch grid (<see cref="PatchGridEncoder"/>).
    /// </summary>
    public virtual Backbone GetBackbone() => Backbone;

    /// <summary>Moves every module and state tensor to <paramref name="device"/>; returns this method.</summary>
    public SelfSupervisedMethod To(Device device)
    {
        this.to(device);
        Device = device;
        return this;
    }

    /// <summary>The loss of one batch: the method's forward pass and objective (generated from the declaration).</summary>
    protected abstract Tensor ComputeLoss(Batch batch, TrainingContext context);

    /// <summary>State updates after each optimizer step: momentum encoders, queues, memory banks (generated).</summary>
    protected virtual void AfterStep(Batch batch, TrainingContext context)
    {
    }
}
