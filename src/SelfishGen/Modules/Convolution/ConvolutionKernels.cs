using SelfishGen.Hosting;

namespace SelfishGen.Modules;

/// <summary>
/// Chooses which kernels CPU convolutions run on. On some CPUs this libtorch's oneDNN computes wrong float32
/// convolutions for some shapes (<see cref="ConvolutionOutputCheck"/>, docs/onednn-conv-gradient.md). A start-up check
/// tells whether this CPU is one of them; where it is, every SelfishGen convolution module checks its own shape when
/// it is created (<see cref="Admit"/>), and the first shape oneDNN gets wrong turns oneDNN off for the process:
/// convolutions then run on libtorch's own kernels, right and slower. So a network whose shapes oneDNN computes right
/// (the ConvNet) keeps its speed, and one it does not is never trained on a wrong result. NNPACK is turned off in every
/// case: libtorch asks for it only for convolutions oneDNN does not take and, where it cannot start (as on that CPU),
/// warns on each of them.
/// </summary>
public static class ConvolutionKernels
{
    /// <summary>The environment variable that overrides the choice: <c>auto</c> (check), <c>on</c> (keep oneDNN) or <c>off</c>.</summary>
    public const string EnvironmentVariable = "SELFISH_ONEDNN";

    private static readonly Lazy<ConvolutionKernelChoice> Choice = new(Choose);
    private static readonly HashSet<ConvolutionCase> Admitted = [];
    private static volatile bool _turnedOff;

    /// <summary>What the start-up check found, made the first time it is asked for.</summary>
    public static ConvolutionKernelChoice Chosen => Choice.Value;

    /// <summary>Whether convolutions run on oneDNN now.</summary>
    public static bool OneDnn => LibTorchBackends.OneDnnEnabled;

    /// <summary>
    /// Whether oneDNN is on and was not seen to compute a wrong convolution on this CPU: what bfloat16 convolutions,
    /// which only oneDNN runs fast and which no check here covers, need.
    /// </summary>
    public static bool OneDnnTrusted => OneDnn && Chosen.WrongOutputs.Count == 0;

    /// <summary>
    /// Whether oneDNN, seen wrong on this CPU, is still on: its low-precision convolutions are not trusted then, and
    /// SelfishGen's convolutions compute in float32 inside an <see cref="Autocast"/> scope. Cheap enough for every call.
    /// </summary>
    internal static bool OnUntrustedOneDnn => Chosen.WrongOutputs.Count > 0 && !_turnedOff;

    /// <summary>
    /// Makes sure convolutions of <paramref name="shape"/> (either layout) are right on the kernels in use: on a CPU
    /// where the start-up check found oneDNN wrong, checks the shape once per process (<see cref="ConvolutionShapeCheck"/>,
    /// as SelfishGen's modules compute it) and turns oneDNN off if it is wrong. Every SelfishGen convolution module calls it when created.
    /// </summary>
    public static void Admit(ConvolutionCase shape)
    {
        var choice = Chosen;
        if (choice.WrongOutputs.Count == 0 || !OneDnn)
            return;
        lock (Admitted)
        {
            if (!Admitted.Add(shape with { ChannelsLast = false }))
                return;
            if (ConvolutionShapeCheck.FirstWrong(shape, AsModulesCompute) is not { } wrong)
                return;
            var turnedOff = LibTorchBackends.DisableOneDnn();
            _turnedOff = turnedOff;
            var stillWrong = turnedOff && ConvolutionShapeCheck.FirstWrong(wrong, AsModulesCompute) is not null;
            Console.Error.WriteLine($"SelfishGen: oneDNN computes {wrong} wrong on this CPU (docs/onednn-conv-gradient.md). " + (turnedOff && !stillWrong
                ? $"Convolutions run on libtorch's own kernels from now on: right, and slower. Set {EnvironmentVariable}=on to keep oneDNN."
                : $"Convolutions stay wrong for {wrong}: do not trust training on this machine."));
        }
    }

    private static torch.Tensor AsModulesCompute(ConvolutionCase shape, torch.Tensor input, torch.Tensor weight) => shape.ApplyAligned(input, weight);

    private static ConvolutionKernelChoice Choose()
    {
        var mode = Environment.GetEnvironmentVariable(EnvironmentVariable)?.Trim().ToLowerInvariant();
        LibTorchBackends.DisableNnpack();
        switch (mode)
        {
            case null or "" or "auto":
                break;
            case "on" or "1" or "true":
                return new ConvolutionKernelChoice(OneDnn, [], 0);
            case "off" or "0" or "false":
                LibTorchBackends.DisableOneDnn();
                return new ConvolutionKernelChoice(OneDnn, [], 0);
            default:
                throw new InvalidOperationException($"{EnvironmentVariable}='{mode}' is not a mode: use auto, on or off.");
        }
        var choice = new ConvolutionKernelChoice(OneDnn, ConvolutionOutputCheck.Run(), ConvolutionOutputCheck.Cases.Count);
        if (choice.WrongOutputs.Count > 0)
            Console.Error.WriteLine($"SelfishGen: {choice.Summary}");
        return choice;
    }
}
