using SelfishGen.Testing;

namespace SelfishGen.Tests.Methods;

/// <summary>
/// A memory bank with one projector and two views (each view's loss against the bank averaged, the bank taking both
/// views), declared as a user would: InstanceDiscrimination's pieces with a second view, compiled with the generator.
/// </summary>
public sealed class TwoViewMemoryBankTests : IDisposable
{
    private readonly string _store = Directory.CreateTempSubdirectory("selfish-two-view-bank-").FullName;

    public void Dispose() => Directory.Delete(_store, recursive: true);

    private static readonly RandomDeclaration Declaration = new(
        "TwoViewInstanceDiscrimination",
        [
            "[Views(ViewAugmentation.InstDisc, ViewAugmentation.InstDisc)]",
            "[Projector(Hidden = [32], Out = 16)]",
            "[Contrastive(Temperature = 0.07, MemoryBank = 32)]",
        ],
        nameof(SelfSupervisedMethod));

    [Fact]
    public void It_trains_its_loss_falling()
    {
        var report = DeclaredMethod.Train(Declaration, new RandomPatterns(64, channels: 3, cells: 2),
            method => method.Supervise(lr: 3e-3, epochs: 6, batchSize: 16, name: Path.Combine(_store, Declaration.Name), recipe: TrainingRecipe.Default));

        LossAssert.Falls(report, Declaration.Name);
    }
}
