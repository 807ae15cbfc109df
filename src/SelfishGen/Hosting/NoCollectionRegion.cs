using System.Runtime;

namespace SelfishGen.Hosting;

/// <summary>
/// Keeps the .NET garbage collector from running while a training or evaluation step calls into libtorch, so that no
/// finalizer frees a TorchSharp object the step is still using natively: the second guard against TorchSharp's
/// short-lived scalars.
/// </summary>
/// <remarks>
/// TorchSharp 0.107 frees a <c>Scalar</c> in its finalizer without keeping it alive across the native call that reads
/// it (dotnet/TorchSharp PRs #1434 and #1496, open); a collection during that call lets the finalizer free the value
/// first, and the call fails with "Expected false to be true ... Scalar.h". The library itself passes no such scalar
/// (<see cref="Scalars"/>, enforced by <c>ScalarLifetimeTests</c>), but TorchSharp makes them inside members every
/// step calls: the optimizers' <c>step</c> (Adam, AdamW and SGD convert their hyperparameters for every parameter) and
/// BatchNorm's forward. Garbage made inside the region is collected only after it. The budget counts every thread's
/// allocations; the data loader's thread makes almost none per batch (pixels go straight into tensor memory), and a
/// step that allocates more than the budget ends the region early with an ordinary collection.
/// </remarks>
internal readonly struct NoCollectionRegion : IDisposable
{
    /// <summary>Managed bytes a step may allocate before the collector runs anyway.</summary>
    public const long Budget = 128L << 20;

    private readonly bool _started;

    private NoCollectionRegion(bool started) => _started = started;

    /// <summary>Whether this region is in effect (false when another one already was, or the runtime refused).</summary>
    public bool IsActive => _started && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion;

    /// <summary>Starts a region, after a collection that makes room for <see cref="Budget"/>.</summary>
    public static NoCollectionRegion Enter()
    {
        if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
            return default;
        try
        {
            return new NoCollectionRegion(GC.TryStartNoGCRegion(Budget));
        }
        catch (InvalidOperationException)
        {
            return default; // another thread started one in the meantime
        }
    }

    /// <summary>Ends the region, unless the collector already ended it.</summary>
    public void Dispose()
    {
        if (IsActive)
            GC.EndNoGCRegion();
    }
}
