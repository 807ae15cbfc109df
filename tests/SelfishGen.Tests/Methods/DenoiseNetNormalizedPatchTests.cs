using SelfishGen.Methods;
using SelfishGen.Tests.Training;

namespace SelfishGen.Tests.Methods;

/// <summary>
/// DenoiseNet with <c>NormalizedPatch</c>: its decoder restores each patch normalised to mean 0 and unit variance
/// (MAE's normalised pixels). The default, raw pixels, is <see cref="MethodTrainingTests"/>' DenoiseNet case.
/// </summary>
public sealed class DenoiseNetNormalizedPatchTests
{
    [Fact]
    public void Normalised_patches_are_learned()
    {
        using var method = TinyMethods.Create("DenoiseNet", new SyntheticShapes(64, seed: 3), extra: ["NormalizedPatch=4"]);
        Assert.Equal(4, ((DenoiseNet.Options)method.Hyperparameters).NormalizedPatch);
        var store = Directory.CreateTempSubdirectory("selfish-denoise-").FullName;
        try
        {
            var report = method.Supervise(lr: TinyMethods.LearningRate("DenoiseNet"), epochs: 6, batchSize: 16, name: Path.Combine(store, "DenoiseNet"),
                recipe: TrainingRecipe.Default);

            LossAssert.Falls(report, "DenoiseNet with normalised patches");
            // Targets of unit variance: an untrained decoder's error starts near 1, well above raw pixels' (below 0.25).
            Assert.True(report.EpochLosses[0] > 0.5, $"first epoch's loss {report.EpochLosses[0]}");
        }
        finally
        {
            Directory.Delete(store, recursive: true);
        }
    }
}
