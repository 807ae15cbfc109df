using SelfishGen.Data;
using SelfishGen.Modules;
using SelfishGen.Objectives;
using SelfishGen.Pretext;

namespace SelfishGen.Tests.Pretext;

/// <summary>Test double of the denoising autoencoder the generator will write: denoise pretext, backbone, decoder, MSE.</summary>
internal sealed class DenoiseNetTestDouble : SelfSupervisedMethod
{
    private readonly DenoisePretext _pretext = new(dropRate: 0.7);
    private readonly ConvDecoder _decoder;
    private readonly ReconstructionLoss _objective = new();

    public sealed record Options : MethodOptions;

    public DenoiseNetTestDouble(IImageDataset dataset)
        : base(nameof(DenoiseNetTestDouble), DatasetInfo.Of(dataset), new Options(), new ConvNet(dataset.Shape, width: 8))
    {
        Dataset = dataset;
        _decoder = ConvDecoder.For(BackboneProbe.FeatureMapShape(Backbone), Data.Shape, width: 16);
        register_module("decoder", _decoder);
    }

    protected override Tensor ComputeLoss(Batch batch, TrainingContext context)
    {
        var (noisy, clean) = _pretext.Apply(batch, context);
        return _objective.Loss(_decoder.call(Backbone.FeatureMaps(noisy)), clean);
    }
}
