using SelfishGen.Testing;

namespace SelfishGen.Tests.Methods;

/// <summary>
/// The <c>Views</c> option: a built-in method given other built-in views at run time (<c>--set Views=MoCoV2,MoCoV2</c>)
/// trains step for step as the same method declared with those views, and not as with its own.
/// </summary>
public sealed class ViewsOptionTests : IDisposable
{
    private readonly string _store = Directory.CreateTempSubdirectory("selfish-views-option-").FullName;

    public void Dispose() => Directory.Delete(_store, recursive: true);

    private TrainingReport TrainSimClr(string name, RandomPatterns images, params string[] extra) =>
        TinyMethods.Create("SimCLR", images, extra: extra).Supervise(epochs: 2, batchSize: 16, name: Path.Combine(_store, name), recipe: TrainingRecipe.Default);

    [Fact]
    public void Views_chosen_at_run_time_train_exactly_as_the_same_views_declared()
    {
        var images = new RandomPatterns(32, channels: 3);
        var chosen = TrainSimClr("chosen", images, "Views=MoCoV2,MoCoV2");
        var declaration = new RandomDeclaration("MoCoViewsSimClr",
        [
            "[Views(ViewAugmentation.MoCoV2, ViewAugmentation.MoCoV2)]",
            "[Projector(Hidden = [32], Out = 16)]",
            "[Contrastive(Temperature = 0.1)]",
        ], "SelfSupervisedMethod");

        var declared = DeclaredMethod.Train(declaration, images,
            method => method.Supervise(epochs: 2, batchSize: 16, name: Path.Combine(_store, "declared"), recipe: TrainingRecipe.Default));

        Assert.Equal(declared.StepLosses, chosen.StepLosses);
        Assert.NotEqual(TrainSimClr("own", images).StepLosses, chosen.StepLosses);
    }

    [Fact]
    public void The_declared_views_are_the_default() =>
        Assert.Equal([ViewAugmentation.InstDisc, ViewAugmentation.Jigsaw], new SelfishGen.Methods.PIRL.Options().Views);
}
