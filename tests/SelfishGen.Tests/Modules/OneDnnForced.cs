using SelfishGen.Modules;
using SelfishGen.Hosting;

namespace SelfishGen.Tests.Modules;

/// <summary>
/// Turns libtorch's oneDNN on until disposed, then back to what it was: checks that must see oneDNN's kernels even
/// after another test's network has turned it off on a CPU where it computes some shapes wrong.
/// </summary>
internal sealed class OneDnnForced : IDisposable
{
    private readonly bool _before = ConvolutionKernels.OneDnn;

    public OneDnnForced() => Assert.True(LibTorchBackends.SetOneDnn(true), "libtorch's oneDNN switch cannot be reached");

    public void Dispose() => LibTorchBackends.SetOneDnn(_before);
}
