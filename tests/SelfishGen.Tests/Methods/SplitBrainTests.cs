using SelfishGen.Methods;
using SelfishGen.Modules;
using SelfishGen.Tests.Pretext;

namespace SelfishGen.Tests.Methods;

/// <summary>The generated SplitBrain: each half of the split encoder learns to predict the other half's channels.</summary>
public sealed class SplitBrainTests : IDisposable
{
    private readonly TrainingRun _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public void Each_half_learns_to_predict_the_other()
    {
        var method = (SplitBrain)TinyMethods.Create(nameof(SplitBrain), new ColorfulShapes(64, seed: 3));
        var encoders = Assert.IsType<LabSplitBackbone>(method.GetBackbone());
        var lightnessBefore = Parameters(encoders.Lightness);
        var colorBefore = Parameters(encoders.Color);

        var report = _run.Train(method, epochs: 4, batchSize: 16);

        TrainingRun.AssertFalls(report.StepLosses, 0.75);
        Assert.True(Changed(lightnessBefore, encoders.Lightness), "the L encoder was not trained");
        Assert.True(Changed(colorBefore, encoders.Color), "the ab encoder was not trained");
    }

    [Fact]
    public void The_bin_sizes_set_how_many_classes_each_half_predicts()
    {
        var options = new SplitBrain.Options { LightnessBinSize = 10, ColorBinSize = 58.5 };

        using var method = new SplitBrain(new ColorfulShapes(4), options, new ConvNet(new(1, 16, 16), width: 4));

        var weights = method.state_dict();
        Assert.Equal(new long[] { 16, 16, 1, 1 }, weights["color_classifier.weight"].shape);     // 4 × 4 ab cells, from 16 L features
        Assert.Equal(new long[] { 10, 16, 1, 1 }, weights["lightness_classifier.weight"].shape); // 10 L bins, from 16 ab features
    }

    private static Tensor[] Parameters(nn.Module module) => [.. module.parameters().Select(p => p.detach().clone())];

    private static bool Changed(Tensor[] before, nn.Module module) =>
        before.Zip(module.parameters()).Any(pair => !pair.First.allclose(pair.Second, rtol: 0, atol: 0));
}
