using System.Runtime.InteropServices;

namespace SelfishGen.Hosting;

/// <summary>
/// Turns libtorch's oneDNN (MKL-DNN) kernels off for the process, as PyTorch's <c>torch.backends.mkldnn.enabled =
/// False</c> does; TorchSharp has no binding for it, so this calls libtorch's <c>at::Context::setUserEnabledMkldnn</c>.
/// Convolutions then run on libtorch's own kernels (im2col and a matrix product).
/// </summary>
internal static unsafe class OneDnn
{
    private const string ContextExport = "_ZN2at13globalContextEv";
    private const string SetEnabledExport = "_ZN2at7Context20setUserEnabledMkldnnEb";
    private const string EnabledExport = "_ZNK2at7Context17userEnabledMkldnnEv";

    private static readonly Lazy<nint> Library = new(LoadLibTorch);

    /// <summary>Whether libtorch uses oneDNN (true where its setting cannot be reached).</summary>
    public static bool Enabled =>
        Export(EnabledExport) is var enabled and not 0 && Export(ContextExport) is var context and not 0
            ? ((delegate* unmanaged<nint, byte>)enabled)(((delegate* unmanaged<nint>)context)()) != 0
            : true;

    /// <summary>Turns oneDNN off; false where libtorch's setting cannot be reached (not Linux, or another libtorch).</summary>
    public static bool Disable()
    {
        if (Export(SetEnabledExport) is not (var setEnabled and not 0) || Export(ContextExport) is not (var context and not 0))
            return false;
        ((delegate* unmanaged<nint, byte, void>)setEnabled)(((delegate* unmanaged<nint>)context)(), 0);
        return !Enabled;
    }

    private static nint Export(string name) =>
        Library.Value != 0 && NativeLibrary.TryGetExport(Library.Value, name, out var export) ? export : 0;

    // libtorch_cpu.so as loaded by TorchSharp (a tensor made first loads it).
    private static nint LoadLibTorch()
    {
        if (!OperatingSystem.IsLinux())
            return 0;
        torch.zeros(1).Dispose();
        var path = File.ReadLines("/proc/self/maps")
            .Select(line => line.IndexOf('/') is var at and >= 0 ? line[at..] : null)
            .FirstOrDefault(path => path is not null && Path.GetFileName(path) == "libtorch_cpu.so");
        return path is not null && NativeLibrary.TryLoad(path, out var library) ? library : 0;
    }
}
