using SelfishGen.Data;
using SelfishGen.Modules;
using SelfishGen.Objectives;
using SelfishGen.Pretext;

namespace SelfishGen.Tests.Adversarial;

/// <summary>
/// Test double of the context encoder the generator will write: inpainting pretext, backbone, decoder, image
/// discriminator; 0.999 · masked reconstruction + 0.001 · adversarial loss.
/// </summary>
internal sealed class ContextNetTestDouble : AdversarialMethod
{
    private const double ReconstructionWeight = 0.999;
    private const double AdversarialWeight = 0.001;

    private readonly InpaintPretext _pretext = new();
    private readonly ConvDecoder _decoder;
    private readonly ImageDiscriminator _discriminator;
    private readonly ReconstructionLoss _reconstruction = new();
    private readonly AdversarialLoss _adversarial = new();

    public sealed record Options : MethodOptions;

    public ContextNetTestDouble(IImageDataset dataset)
        : base(nameof(ContextNetTestDouble), DatasetInfo.Of(dataset), new Options(), new ConvNet(dataset.Shape, width: 8))
    {
        Dataset = dataset;
        _decoder = ConvDecoder.For(BackboneProbe.FeatureMapShape(Backbone), Data.Shape, width: 16);
        _discriminator = new ImageDiscriminator(Data.Shape, width: 8);
        register_module("decoder", _decoder);
        register_module("discriminator", _discriminator);
    }

    protected override nn.Module Discriminator => _discriminator;

    protected override Tensor ComputeDiscriminatorLoss(Batch batch, TrainingContext context)
    {
        var sample = _pretext.Apply(batch, context);
        return _adversarial.Discriminator(_discriminator.call(sample.Clean), _discriminator.call(Inpaint(sample)));
    }

    protected override Tensor ComputeLoss(Batch batch, TrainingContext context)
    {
        var sample = _pretext.Apply(batch, context);
        var prediction = _decoder.call(Backbone.FeatureMaps(sample.Erased));
        var reconstruction = _reconstruction.Loss(prediction, sample.Clean, sample.Mask);
        var adversarial = _adversarial.Generator(_discriminator.call(sample.Complete(prediction)));
        return ReconstructionWeight * reconstruction + AdversarialWeight * adversarial;
    }

    /// <summary>The completed images, without gradients: the discriminator step must not train the generator.</summary>
    private Tensor Inpaint(InpaintBatch sample)
    {
        using var noGrad = no_grad();
        return sample.Complete(_decoder.call(Backbone.FeatureMaps(sample.Erased)));
    }
}
