using SelfishGen.Tests.Training;

namespace SelfishGen.Tests.Methods;

/// <summary>
/// <c>[Contrastive(SymmetricLoss = ...)]</c> on MoCo: both views query the other's key, and both views' keys are queued
/// (that MoCo, symmetric by default, trains and resumes exactly is <see cref="MethodTrainingTests"/>' part).
/// </summary>
public sealed class SymmetricLossTests : IDisposable
{
    private const int BatchSize = 8;
    private readonly string _store = Directory.CreateTempSubdirectory("selfish-symmetric-").FullName;

    public void Dispose() => Directory.Delete(_store, recursive: true);

    // The queue's write pointer after one step; 256 images let the tiny queue keep its 64 keys (an eighth of the data).
    private long PointerAfterOneStep(bool symmetric)
    {
        using var method = TinyMethods.Create("MoCo", new RandomPatterns(256, channels: 3, cells: 2), extra: [$"SymmetricLoss={symmetric}"]);
        var cancel = new CancellationTokenSource();
        Assert.ThrowsAny<OperationCanceledException>(() => method.Supervise(
            epochs: 1, batchSize: BatchSize, name: Path.Combine(_store, $"symmetric-{symmetric}"), observer: new CancelAfter(1, cancel), cancellation: cancel.Token));
        return method.state_dict()["queue.pointer"].ToInt64();
    }

    [Fact]
    public void A_symmetric_step_queues_the_keys_of_both_views()
    {
        Assert.Equal(BatchSize, PointerAfterOneStep(symmetric: false));
        Assert.Equal(2 * BatchSize, PointerAfterOneStep(symmetric: true));
    }
}
