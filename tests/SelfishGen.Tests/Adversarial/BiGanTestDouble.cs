using SelfishGen.Data;
using SelfishGen.Modules;
using SelfishGen.Objectives;
using SelfishGen.Pretext;

namespace SelfishGen.Tests.Adversarial;

/// <summary>
/// Test double of the BiGAN the generator will write: encoder E = backbone + linear head to the latent, generator G
/// from the latent, joint discriminator of (image, latent) pairs, BiGAN loss.
/// </summary>
internal sealed class BiGanTestDouble : AdversarialMethod
{
    private const int LatentFeatures = 16;

    private readonly LatentPretext _latent = new(LatentFeatures);
    private readonly nn.Module<Tensor, Tensor> _encoderHead;
    private readonly LatentGenerator _generator;
    private readonly JointDiscriminator _discriminator;
    private readonly BiGanLoss _loss = new();

    public sealed record Options : MethodOptions;

    public BiGanTestDouble(IImageDataset dataset)
        : base(nameof(BiGanTestDouble), DatasetInfo.Of(dataset), new Options(), new ConvNet(dataset.Shape, width: 8))
    {
        Dataset = dataset;
        _encoderHead = nn.Linear(Backbone.OutputFeatures, LatentFeatures);
        _generator = new LatentGenerator(LatentFeatures, Data.Shape, width: 16);
        _discriminator = new JointDiscriminator(Data.Shape, LatentFeatures, width: 8, hidden: 32);
        register_module("encoder_head", _encoderHead);
        register_module("generator", _generator);
        register_module("discriminator", _discriminator);
    }

    /// <summary>The generator, to check that it is trained.</summary>
    public LatentGenerator Generator => _generator;

    protected override nn.Module Discriminator => _discriminator;

    protected override Tensor ComputeDiscriminatorLoss(Batch batch, TrainingContext context)
    {
        var latent = _latent.Apply(batch, context);
        Tensor encoded, generated;
        using (no_grad())
        {
            encoded = Encode(batch.Images);
            generated = _generator.call(latent);
        }
        return _loss.Discriminator(_discriminator.call(batch.Images, encoded), _discriminator.call(generated, latent));
    }

    protected override Tensor ComputeLoss(Batch batch, TrainingContext context)
    {
        var latent = _latent.Apply(batch, context);
        var encoded = Encode(batch.Images);
        return _loss.EncoderGenerator(_discriminator.call(batch.Images, encoded), _discriminator.call(_generator.call(latent), latent));
    }

    private Tensor Encode(Tensor images) => _encoderHead.call(Backbone.call(images));
}
