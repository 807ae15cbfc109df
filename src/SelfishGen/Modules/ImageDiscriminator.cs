using SelfishGen.Data;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace SelfishGen.Modules;

/// <summary>
/// Scores images as real or fake: <see cref="DiscriminatorFeatures"/> then a plain linear layer to one logit per image,
/// shaped (N). Feed it to a logit-based loss (BCE with logits, or least squares).
/// </summary>
public sealed class ImageDiscriminator : Module<Tensor, Tensor>
{
    private readonly DiscriminatorFeatures _features;
    private readonly Module<Tensor, Tensor> _logit;

    /// <summary>Creates the discriminator for images of <paramref name="input"/> shape.</summary>
    public ImageDiscriminator(ImageShape input, int width = 64) : base(nameof(ImageDiscriminator))
    {
        _features = new DiscriminatorFeatures(input, width);
        _logit = Linear(_features.OutputFeatures, 1);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor images)
    {
        using var features = _features.call(images);
        using var logits = _logit.call(features);
        return logits.flatten();
    }
}
