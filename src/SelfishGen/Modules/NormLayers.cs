using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace SelfishGen.Modules;

/// <summary>Builds the 2-D normalisation layer of a <see cref="NormKind"/>.</summary>
public static class NormLayers
{
    /// <summary>
    /// A normalisation over <paramref name="channels"/> feature maps: <see cref="NormKind.Batch"/> is BatchNorm2d with
    /// momentum 0.01 and eps 1e-3 (EfficientNet's values); <see cref="NormKind.Layer"/> is a one-group GroupNorm.
    /// </summary>
    public static Module<Tensor, Tensor> Create(NormKind kind, int channels) => kind switch
    {
        NormKind.Batch => BatchNorm2d(channels, eps: 1e-3, momentum: 0.01),
        NormKind.Layer => PerSampleNorm(channels),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

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
