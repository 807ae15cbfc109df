using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace SelfishGen.Modules;

/// <summary>Builds the 2-D normalisation layer of a <see cref="NormKind"/>.</summary>
public static class NormLayers
{
    /// <summary>
    /// A normalisation over <paramref name="channels"/> feature maps: <see cref="NormKind.Batch"/> is BatchNorm2d with
    /// <paramref name="batchEps"/> and <paramref name="batchMomentum"/> (by default EfficientNet's values, 1e-3 and
    /// 0.01; torch's defaults are 1e-5 and 0.1); <see cref="NormKind.Layer"/> is a one-group GroupNorm.
    /// </summary>
    public static Module<Tensor, Tensor> Create(NormKind kind, int channels, double batchEps = 1e-3, double batchMomentum = 0.01) => kind switch
    {
        NormKind.Batch => BatchNorm2d(channels, eps: batchEps, momentum: batchMomentum),
        NormKind.Layer => PerSampleNorm(channels),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>BatchNorm2d with torch's defaults, or the per-sample norm: what the ConvNet and ResNet-18 use.</summary>
    internal static Module<Tensor, Tensor> WithTorchDefaults(NormKind kind, int channels) => Create(kind, channels, batchEps: 1e-5, batchMomentum: 0.1);

    /// <summary>A one-group GroupNorm starting as the identity affine (TorchSharp 0.107 leaves it uninitialised).</summary>
    private static Module<Tensor, Tensor> PerSampleNorm(int channels)
    {
        var norm = GroupNorm(1, channels);
        using (no_grad())
        {
            norm.weight!.fill_(One);
            norm.bias!.zero_();
        }
        return norm;
    }
}
