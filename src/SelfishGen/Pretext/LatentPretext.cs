using SelfishGen.Augmentations;
using SelfishGen.Data;
using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;

namespace SelfishGen.Pretext;

/// <summary>Latent codes for generative training (BiGAN): one code of <see cref="Features"/> values per image.</summary>
public sealed class LatentPretext
{
    /// <summary>Creates the sampler of codes of <paramref name="features"/> values from <paramref name="distribution"/>.</summary>
    public LatentPretext(int features, LatentDistribution distribution = LatentDistribution.Uniform)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(features);
        Features = features;
        Distribution = distribution;
    }

    /// <summary>Length of a code.</summary>
    public int Features { get; }

    /// <summary>The distribution codes are drawn from.</summary>
    public LatentDistribution Distribution { get; }

    /// <summary>One code per image of the batch, float32 (N, <see cref="Features"/>) on the images' device.</summary>
    public Tensor Apply(Batch batch, TrainingContext context)
    {
        long[] shape = [batch.Size, Features];
        var codes = Distribution == LatentDistribution.Uniform
            ? Draw.ForRows(shape, all => rand(all, generator: context.Random)).mul_(Two).sub_(One)
            : Draw.Normal(shape, float32, context.Random);
        return codes.to(batch.Images.device);
    }
}
