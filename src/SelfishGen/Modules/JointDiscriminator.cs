using SelfishGen.Data;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace SelfishGen.Modules;

/// <summary>
/// BiGAN's discriminator of (image, latent) pairs: <see cref="DiscriminatorFeatures"/> of the image concatenated with
/// a two-layer LeakyReLU MLP of the latent, then a hidden LeakyReLU layer and a plain linear logit, shaped (N).
/// </summary>
public sealed class JointDiscriminator : Module<Tensor, Tensor, Tensor>
{
    private readonly DiscriminatorFeatures _image;
    private readonly Module<Tensor, Tensor> _latent;
    private readonly Module<Tensor, Tensor> _joint;

    /// <summary>
    /// Creates the discriminator for images of <paramref name="image"/> shape paired with codes of
    /// <paramref name="latentFeatures"/>; <paramref name="hidden"/> is the width of the MLP layers.
    /// </summary>
    public JointDiscriminator(ImageShape image, int latentFeatures, int width = 64, int hidden = 256) : base(nameof(JointDiscriminator))
    {
        _image = new DiscriminatorFeatures(image, width);
        _latent = Sequential(
            Linear(latentFeatures, hidden), LeakyReLU(DiscriminatorFeatures.LeakySlope, inplace: true),
            Linear(hidden, hidden), LeakyReLU(DiscriminatorFeatures.LeakySlope, inplace: true));
        _joint = Sequential(
            Linear(_image.OutputFeatures + hidden, hidden), LeakyReLU(DiscriminatorFeatures.LeakySlope, inplace: true),
            Linear(hidden, 1));
        RegisterComponents();
    }

    /// <summary>One logit per pair of <paramref name="images"/> (N, C, H, W) and <paramref name="latent"/> (N, latent).</summary>
    public override Tensor forward(Tensor images, Tensor latent)
    {
        using var imageFeatures = _image.call(images);
        using var latentFeatures = _latent.call(latent);
        using var joint = cat([imageFeatures, latentFeatures], 1);
        using var logits = _joint.call(joint);
        return logits.flatten();
    }
}
