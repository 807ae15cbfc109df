using SelfishGen.Data;
using static TorchSharp.torch;

namespace SelfishGen.Modules;

/// <summary>Measures a backbone's output by running it once, so that heads can be sized from it.</summary>
public static class BackboneProbe
{
    /// <summary>
    /// The shape (C, h, w) of <paramref name="backbone"/>'s feature maps for one image of its
    /// <see cref="Backbone.Input"/> shape, or of <paramref name="input"/> when given. The backbone runs in evaluation
    /// mode without gradients and is left in the mode it was in.
    /// </summary>
    public static ImageShape FeatureMapShape(Backbone backbone, ImageShape? input = null)
    {
        var shape = input ?? backbone.Input;
        var wasTraining = backbone.training;
        var device = backbone.parameters().FirstOrDefault()?.device ?? CPU;
        backbone.eval();
        try
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var maps = backbone.FeatureMaps(zeros(shape.WithBatch(2), device: device));
            return new ImageShape((int)maps.shape[1], (int)maps.shape[2], (int)maps.shape[3]);
        }
        finally
        {
            backbone.train(wasTraining);
        }
    }
}
