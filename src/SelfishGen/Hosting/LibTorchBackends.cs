using System.Runtime.InteropServices;

namespace SelfishGen.Hosting;

/// <summary>
/// libtorch's process-wide switches for its CPU convolution backends, which TorchSharp does not bind: oneDNN
/// (PyTorch's <c>torch.backends.mkldnn.enabled</c>) and NNPACK (<c>torch.backends.nnpack</c>), set through
/// libtorch's <c>at::Context</c>. With both off, convolutions run on libtorch's own kernels (im2col and a matrix product).
/// </summary>
internal static unsafe class LibTorchBackends
{
    private const string ContextExport = "_ZN2at13globalContextEv";
    private const string SetOneDnnExport = "_ZN2at7Context20setUserEnabledMkldnnEb";
    private const string OneDnnExport = "_ZNK2at7Context17userEnabledMkldnnEv";
    private const string SetNnpackExport = "_ZN2at7Context20setUserEnabledNNPACKEb";

    private static readonly Lazy<nint> Library = new(LoadLibTorch);

    /// <summary>Whether libtorch uses oneDNN (true where its setting cannot be reached).</summary>
    public static bool OneDnnEnabled =>
        Export(OneDnnExport) is var enabled and not 0 && Context() is var context and not 0
            ? ((delegate* unmanaged<nint, byte>)enabled)(context) != 0
            : true;

    /// <summary>Turns oneDNN off; false where libtorch's setting cannot be reached (not Linux, or another libtorch).</summary>
    public static bool DisableOneDnn() => SetOneDnn(false);

    /// <summary>Turns oneDNN on or off; false where libtorch's setting cannot be reached.</summary>
    public static bool SetOneDnn(bool enabled) => Set(SetOneDnnExport, enabled) && OneDnnEnabled == enabled;

    /// <summary>
    /// Turns NNPACK off: libtorch then stops asking for it on every convolution (where it cannot start, libtorch warns
    /// each time it asks). False where libtorch's setting cannot be reached.
    /// </summary>
    public static bool DisableNnpack() => Set(SetNnpackExport, false);

    // Calls one of at::Context's setUserEnabled…(bool) setters.
    private static bool Set(string setterExport, bool enabled)
    {
        if (Export(setterExport) is not (var set and not 0) || Context() is not (var context and not 0))
            return false;
        ((delegate* unmanaged<nint, byte, void>)set)(context, enabled ? (byte)1 : (byte)0);
        return true;
    }

    private static nint Context() =>
        Export(ContextExport) is var context and not 0 ? ((delegate* unmanaged<nint>)context)() : 0;

    private static nint Export(string name) =>
        Library.Value != 0 && NativeLibrary.TryGetExport(Library.Value, name, out var export) ? export : 0;

    // libtorch_cpu.so as loaded by TorchSharp (a tensor made first loads it).
    private static nint LoadLibTorch()
    {
        torch.zeros(1).Dispose();
        return LoadedLibraries.Find(file => file == "libtorch_cpu.so") is { } path && NativeLibrary.TryLoad(path, out var library)
            ? library
            : 0;
    }
}
