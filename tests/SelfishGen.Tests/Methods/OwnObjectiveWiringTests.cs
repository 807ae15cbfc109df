using SelfishGen.Testing;

namespace SelfishGen.Tests.Methods;

/// <summary>
/// An objective of one's own is wired as the built-in ones are: SimCLR declared with the library's NT-Xent as an
/// objective of its own (<c>[Objective(typeof(NtXentLoss))]</c>), compiled in memory with the generator, trains
/// step for step exactly as the built-in SimCLR with the same sizes.
/// </summary>
public sealed class OwnObjectiveWiringTests : IDisposable
{
    private readonly string _store = Directory.CreateTempSubdirectory("selfish-wiring-").FullName;

    public void Dispose() => Directory.Delete(_store, recursive: true);

    [Fact]
    public void SimCLR_with_NT_Xent_as_its_own_objective_trains_exactly_as_the_built_in_SimCLR()
    {
        var images = new RandomPatterns(32, channels: 3);
        var declaration = new RandomDeclaration("OwnSimClr",
        [
            "[Views(ViewAugmentation.SimClr, ViewAugmentation.SimClr)]",
            "[Projector(Hidden = [32], Out = 16)]",
            "[Objective(typeof(SelfishGen.Objectives.NtXentLoss), Temperature = 0.1)]",
        ], "SelfSupervisedMethod");
        // Both with the library's default recipe: the built-in SimCLR declares LARS, the own declaration no recipe.
        var builtIn = TinyMethods.Create("SimCLR", images).Supervise(epochs: 2, batchSize: 16, name: Path.Combine(_store, "builtin"), recipe: TrainingRecipe.Default);

        var ownRun = DeclaredMethod.Train(declaration, images,
            own => own.Supervise(epochs: 2, batchSize: 16, name: Path.Combine(_store, "own"), recipe: TrainingRecipe.Default));

        Assert.Equal(builtIn.StepLosses, ownRun.StepLosses);
    }
}
