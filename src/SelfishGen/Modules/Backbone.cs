using SelfishGen.Data;
using static TorchSharp.torch;

namespace SelfishGen.Modules;

/// <summary>
/// An image encoder. <see cref="FeatureMaps"/> gives its spatial output (N, C, h, w); the module's forward gives one
/// feature vector per image (N, <see cref="OutputFeatures"/>), average-pooled over space.
/// </summary>
public abstract class Backbone : nn.Module<Tensor, Tensor>
{
    /// <summary>Creates a backbone for images of <paramref name="input"/> shape.</summary>
    protected Backbone(string name, ImageShape input, int outputFeatures) : base(name)
    {
        Input = input;
        OutputFeatures = outputFeatures;
    }

    /// <summary>The image shape this backbone was built for (other resolutions work too).</summary>
    public ImageShape Input { get; }

    /// <summary>Length of the feature vector per image: the channel count of <see cref="FeatureMaps"/>.</summary>
    public int OutputFeatures { get; }

    /// <summary>The spatial feature maps (N, <see cref="OutputFeatures"/>, h, w) of images (N, C, H, W).</summary>
    public abstract Tensor FeatureMaps(Tensor images);

    /// <summary>
    /// A new backbone built exactly like this one (fresh weights) for images of <paramref name="input"/> shape: what
    /// momentum targets and second encoders are made of. Custom backbones override it to be usable there.
    /// </summary>
    public virtual Backbone Replicate(ImageShape input) => throw new NotSupportedException(
        $"{GetType().Name} cannot build a copy of itself, which momentum encoders and second encoders need: override {nameof(Backbone)}.{nameof(Replicate)} in it.");

    /// <summary>One pooled feature vector per image, (N, <see cref="OutputFeatures"/>).</summary>
    public override Tensor forward(Tensor images)
    {
        using var maps = FeatureMaps(images);
        return maps.mean([2, 3]);
    }
}
