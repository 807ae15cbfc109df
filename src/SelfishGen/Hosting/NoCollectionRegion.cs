using System.Runtime;

namespace SelfishGen.Hosting;

/// <summary>
/// Keeps the .NET garbage collector from running while a training or evaluation step calls into libtorch, so that no
/// finalizer frees a TorchSharp object the step is still using natively.
/// </summary>
/// <remarks>
/// TorchSharp 0.107 turns numbers into <c>Scalar</c>s implicitly (<c>x * 0.5</c>, <c>x &gt; 0</c>) and frees them in
/// their finalizer, without keeping them alive across the native call that reads them (dotnet/TorchSharp PRs #1434 and
/// #1496, open). A collection during that call can let the finalizer free the value first; the call then fails with
/// "Expected false to be true ... Scalar.h". Garbage made inside the region is collected only after it, when the step
/// is done with it. A step that allocates more than the budget ends the region early with an ordinary collection.
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
