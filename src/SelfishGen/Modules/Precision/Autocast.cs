using static TorchSharp.torch;

namespace SelfishGen.Modules;

/// <summary>
/// Mixed precision for SelfishGen's backbones, in place of an autocast TorchSharp does not have. Inside a scope
/// (<see cref="Enter"/>: a training step), a backbone's <see cref="FeatureMaps"/> computes every
/// <see cref="ChannelAlignedConv2d"/> with its input, weight and bias in a low-precision type (bfloat16 or float16),
/// while the parameters stay float32 (the master weights, which the optimizer updates) and their gradients arrive in
/// float32. Convolutions hand on low-precision activations, so the batch norms and activation functions between them
/// run on them (batch norm keeps its statistics and parameters in float32). The maps leave the backbone in float32, so
/// heads, decoders, softmaxes and losses compute in float32 as usual.
/// </summary>
/// <remarks>
/// The scope belongs to the thread that entered it; float64 inputs are never cast. A backbone of your own computes in
/// mixed precision when its <see cref="Backbone.FeatureMaps"/> runs its layers through <see cref="FeatureMaps"/>.
/// </remarks>
public static class Autocast
{
    [ThreadStatic]
    private static ScalarType? _lowPrecision;

    [ThreadStatic]
    private static int _backboneDepth;

    /// <summary>The type backbones' convolutions compute in on this thread now; null outside a scope.</summary>
    public static ScalarType? LowPrecision => _lowPrecision;

    /// <summary>
    /// Computes in <paramref name="lowPrecision"/> (bfloat16 or float16) until the scope is disposed; null enters no
    /// scope (float32 as usual).
    /// </summary>
    public static Scope Enter(ScalarType? lowPrecision)
    {
        if (lowPrecision is not (null or ScalarType.BFloat16 or ScalarType.Float16))
            throw new ArgumentException($"Mixed precision computes in bfloat16 or float16, not {lowPrecision}.", nameof(lowPrecision));
        var previous = _lowPrecision;
        _lowPrecision = lowPrecision ?? previous;
        return new Scope(previous);
    }

    /// <summary>
    /// A backbone's feature maps from <paramref name="compute"/>: inside a scope its convolutions compute in
    /// <see cref="LowPrecision"/> and the maps are returned in float32; outside one, <paramref name="compute"/> as it is.
    /// </summary>
    public static Tensor FeatureMaps(Func<Tensor> compute)
    {
        if (_lowPrecision is null)
            return compute();
        _backboneDepth++;
        try
        {
            using var maps = compute();
            return Full(maps);
        }
        finally
        {
            _backboneDepth--;
        }
    }

    /// <summary>Whether a convolution given <paramref name="input"/> computes in <see cref="LowPrecision"/> now.</summary>
    internal static bool Applies(Tensor input) =>
        _lowPrecision is not null && _backboneDepth > 0 && (input.dtype == ScalarType.Float32 || input.dtype == _lowPrecision);

    /// <summary><paramref name="tensor"/> in <see cref="LowPrecision"/> (the same tensor when it already is).</summary>
    internal static Tensor Low(Tensor tensor) => tensor.dtype == _lowPrecision ? tensor.alias() : tensor.to(_lowPrecision!.Value);

    // tensor in float32 when it is in LowPrecision, else an alias of it: a new tensor either way.
    private static Tensor Full(Tensor tensor) =>
        _lowPrecision is not null && tensor.dtype == _lowPrecision ? tensor.to(ScalarType.Float32) : tensor.alias();

    /// <summary>Restores the precision in effect before <see cref="Enter"/>.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly ScalarType? _previous;

        internal Scope(ScalarType? previous) => _previous = previous;

        /// <inheritdoc />
        public void Dispose() => _lowPrecision = _previous;
    }
}
