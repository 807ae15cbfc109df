using SelfishGen.Hosting;

namespace SelfishGen.Modules;

/// <summary>
/// Chooses, once per process and before SelfishGen's first convolution, which kernels CPU convolutions run on. On
/// some CPUs this libtorch's oneDNN computes wrong float32 convolution outputs (<see cref="ConvolutionOutputCheck"/>,
/// docs/onednn-conv-gradient.md); where the check finds that, oneDNN is turned off for the process and convolutions
/// run on libtorch's own kernels: right, and slower. NNPACK is turned off in every case: libtorch asks for it only
/// for convolutions oneDNN does not take (float64, or all of them once oneDNN is off) and, where it cannot start (as
/// on that CPU), warns on each of them. Every SelfishGen convolution module and method asks for the choice when it
/// is created.
/// </summary>
public static class ConvolutionKernels
{
    /// <summary>The environment variable that overrides the choice: <c>auto</c> (check), <c>on</c> (keep oneDNN) or <c>off</c>.</summary>
    public const string EnvironmentVariable = "SELFISH_ONEDNN";

    private static readonly Lazy<ConvolutionKernelChoice> Choice = new(Choose);

    /// <summary>The choice, made the first time it is asked for.</summary>
    public static ConvolutionKernelChoice Chosen => Choice.Value;

    private static ConvolutionKernelChoice Choose()
    {
        var mode = Environment.GetEnvironmentVariable(EnvironmentVariable)?.Trim().ToLowerInvariant();
        LibTorchBackends.DisableNnpack();
        switch (mode)
        {
            case null or "" or "auto":
                break;
            case "on" or "1" or "true":
                return new ConvolutionKernelChoice(LibTorchBackends.OneDnnEnabled, [], 0);
            case "off" or "0" or "false":
                LibTorchBackends.DisableOneDnn();
                return new ConvolutionKernelChoice(LibTorchBackends.OneDnnEnabled, [], 0);
            default:
                throw new InvalidOperationException($"{EnvironmentVariable}='{mode}' is not a mode: use auto, on or off.");
        }
        var wrong = ConvolutionOutputCheck.Run();
        if (wrong.Count == 0)
            return new ConvolutionKernelChoice(LibTorchBackends.OneDnnEnabled, [], ConvolutionOutputCheck.Cases.Count);
        var turnedOff = LibTorchBackends.DisableOneDnn();
        var stillWrong = turnedOff ? ConvolutionOutputCheck.Run() : wrong;
        var choice = new ConvolutionKernelChoice(LibTorchBackends.OneDnnEnabled, wrong, ConvolutionOutputCheck.Cases.Count);
        Console.Error.WriteLine($"SelfishGen: {choice.Summary} " + (stillWrong.Count == 0
            ? $"Convolutions run on libtorch's own kernels instead: right, and slower. Set {EnvironmentVariable}=on to keep oneDNN."
            : $"Convolutions stay wrong for {string.Join(", ", stillWrong)}: do not trust training on this machine."));
        return choice;
    }
}
