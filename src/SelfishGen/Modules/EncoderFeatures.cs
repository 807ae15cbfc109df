using static TorchSharp.torch;

namespace SelfishGen.Modules;

/// <summary>
/// What an encoder head reads from a backbone: its pooled features (N, C), or its feature maps flattened
/// (N, C·h·w), as encoders that end in a fully connected layer over their last convolutions read them.
/// </summary>
public static class EncoderFeatures
{
    /// <summary>The number of features per image that <see cref="Of"/> gives for <paramref name="backbone"/>.</summary>
    public static int Count(Backbone backbone, bool flattenedMaps)
    {
        if (!flattenedMaps)
            return backbone.OutputFeatures;
        var maps = BackboneProbe.FeatureMapShape(backbone);
        return maps.Channels * maps.Height * maps.Width;
    }

    /// <summary>The features of <paramref name="images"/> (N, C, H, W): pooled, or the flattened feature maps.</summary>
    public static Tensor Of(Backbone backbone, Tensor images, bool flattenedMaps)
    {
        if (!flattenedMaps)
            return backbone.call(images);
        using var maps = backbone.FeatureMaps(images);
        return maps.flatten(1);
    }
}
