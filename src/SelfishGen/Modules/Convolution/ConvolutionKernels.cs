using System.Collections.Concurrent;
using SelfishGen.Hosting;

namespace SelfishGen.Modules;

/// <summary>
/// Chooses which kernels CPU convolutions run on. On some CPUs this libtorch's oneDNN computes wrong float32
/// convolutions for some shapes (<see cref="ConvolutionOutputCheck"/>, docs/onednn-conv-gradient.md). A start-up check
/// tells whether this CPU is one of them; where it is, every SelfishGen convolution module checks its own shape when
/// it is created (<see cref="Admit(ConvolutionCase)"/>). A shape oneDNN gets wrong only on channels-last input is computed from
/// contiguous input; the first shape it gets wrong in both layouts turns oneDNN off for the process: convolutions then
/// run on libtorch's own kernels, right and slower. So a network whose shapes oneDNN computes right
/// (the ConvNet) keeps its speed, and one it does not is never trained on a wrong result. NNPACK is turned off in every
/// case: libtorch asks for it only for convolutions oneDNN does not take and, where it cannot start (as on that CPU),
/// warns on each of them. On such a CPU, a shape's low-precision convolutions are checked too, the first time they run
/// (<see cref="LowPrecisionRight"/>).
/// </summary>
public static class ConvolutionKernels
{
    /// <summary>The environment variable that overrides the choice: <c>auto</c> (check), <c>on</c> (keep oneDNN) or <c>off</c>.</summary>
    public const string EnvironmentVariable = "SELFISH_ONEDNN";

    private static readonly Lazy<ConvolutionKernelChoice> Choice = new(Choose);
    private static readonly Dictionary<ConvolutionCase, bool> Admitted = [];
    private static readonly ConcurrentDictionary<(ConvolutionCase, torch.ScalarType), bool> LowPrecisionChecked = new();

    /// <summary>What the start-up check found, made the first time it is asked for.</summary>
    public static ConvolutionKernelChoice Chosen => Choice.Value;

    /// <summary>Whether convolutions run on oneDNN now.</summary>
    public static bool OneDnn => LibTorchBackends.OneDnnEnabled;

    /// <summary>
    /// Makes sure convolutions of <paramref name="shape"/> are right on the kernels in use: on a CPU where the start-up
    /// check found oneDNN wrong, checks the shape once per process (<see cref="Check"/>, as SelfishGen's modules compute
    /// it); where only its channels-last input is computed wrong, the module is to feed it contiguous input, and where
    /// contiguous input is wrong too, oneDNN is turned off. Every SelfishGen convolution module calls it when created
    /// (on 8×8 maps), and again on its input (<see cref="ConvolutionCase.OnMapsOf"/>): a shape right on one map size may
    /// be wrong on another, so each size is checked the first time it arrives.
    /// </summary>
    /// <returns>Whether the module must make its input contiguous (not channels-last) before convolving it.</returns>
    public static bool Admit(ConvolutionCase shape)
    {
        if (!Checking)
            return false;
        lock (Admitted)
        {
            var key = shape with { ChannelsLast = false };
            if (Admitted.TryGetValue(key, out var admitted))
                return admitted;
            var (wrong, contiguousRight) = Check(shape, AsModulesCompute);
            Admitted[key] = wrong is not null && contiguousRight;
            if (wrong is null)
                return false;
            if (contiguousRight)
            {
                Console.Error.WriteLine($"SelfishGen: oneDNN computes {wrong} wrong on this CPU (docs/onednn-conv-gradient.md); "
                    + "its input is made contiguous, which oneDNN computes right, and oneDNN stays on.");
                return true;
            }
            var turnedOff = LibTorchBackends.DisableOneDnn();
            var stillWrong = turnedOff && ConvolutionShapeCheck.FirstWrong(wrong, AsModulesCompute) is not null;
            Console.Error.WriteLine($"SelfishGen: oneDNN computes {wrong} wrong on this CPU (docs/onednn-conv-gradient.md). " + (turnedOff && !stillWrong
                ? $"Convolutions run on libtorch's own kernels from now on: right, and slower. Set {EnvironmentVariable}=on to keep oneDNN."
                : $"Convolutions stay wrong for {wrong}: do not trust training on this machine."));
            return false;
        }
    }

    /// <summary>
    /// <see cref="Admit(ConvolutionCase)"/> for <paramref name="shape"/> on the maps of <paramref name="input"/>, as a
    /// module calls it on each input: where the start-up check found oneDNN right, false with nothing checked or made.
    /// </summary>
    public static bool Admit(ConvolutionCase shape, torch.Tensor input) => Checking && Admit(shape.OnMapsOf(input));

    /// <summary>
    /// What <paramref name="convolve"/> computes wrong for <paramref name="shape"/>: its first wrong layout (null when
    /// both are right) and, when that is channels-last, whether contiguous input is right at every thread count checked.
    /// </summary>
    internal static (ConvolutionCase? Wrong, bool ContiguousRight) Check(ConvolutionCase shape, Func<ConvolutionCase, torch.Tensor, torch.Tensor, torch.Tensor> convolve)
    {
        if (ConvolutionShapeCheck.FirstWrong(shape, convolve) is not { } wrong)
            return (null, true);
        return (wrong, wrong.ChannelsLast && ConvolutionShapeCheck.FirstWrong(shape, convolve, channelsLast: false) is null);
    }

    /// <summary>
    /// Whether SelfishGen's convolutions of <paramref name="shape"/> compute right in <see cref="Autocast.LowPrecision"/>
    /// on the kernels in use. While oneDNN is on on a CPU where the start-up check found it wrong, the low-precision
    /// paths the shape may take (<see cref="LowPrecisionConvolution"/>'s, and libtorch's own kernels through casts) are
    /// checked against float64 once per shape, map size and type, the first time the shape computes in it
    /// (<see cref="ConvolutionShapeCheck.LowPrecisionTolerance"/>); a shape found wrong computes in float32 inside the
    /// scope. Elsewhere every shape is right.
    /// </summary>
    /// <param name="shape">A module's shape (<see cref="ConvolutionCase.Of"/>: its layout unset; both are checked).</param>
    /// <param name="input">The input it convolves: the shape is checked on maps of its size.</param>
    internal static bool LowPrecisionRight(ConvolutionCase shape, torch.Tensor input)
    {
        if (!Checking)
            return true;
        var type = Autocast.LowPrecision!.Value;
        return LowPrecisionChecked.GetOrAdd((shape.OnMapsOf(input), type), key =>
        {
            if (FirstWrongInLowPrecision(key.Item1) is not { } wrong)
                return true;
            Console.Error.WriteLine($"SelfishGen: oneDNN computes {wrong} wrong in {type} on this CPU (docs/onednn-conv-gradient.md); "
                + "it computes in float32 inside mixed precision.");
            return false;
        });
    }

    /// <summary>
    /// The first layout of <paramref name="shape"/> that one of the low-precision paths SelfishGen's modules may take for
    /// it computes wrong in <see cref="Autocast.LowPrecision"/> (entered by the caller), or null when all are right in
    /// both layouts.
    /// </summary>
    internal static ConvolutionCase? FirstWrongInLowPrecision(ConvolutionCase shape) =>
        ConvolutionShapeCheck.FirstWrong(shape, InLowPrecision(unfoldedWeightGradient: true), ConvolutionShapeCheck.LowPrecisionTolerance)
        ?? (LowPrecisionConvolution.SuitsEvery(shape)
            ? null
            : ConvolutionShapeCheck.FirstWrong(shape, InLowPrecision(unfoldedWeightGradient: false), ConvolutionShapeCheck.LowPrecisionTolerance));

    // Whether shapes are checked: the start-up check found oneDNN wrong on this CPU, and oneDNN is on.
    private static bool Checking => Chosen.WrongOutputs.Count > 0 && OneDnn;

    private static torch.Tensor AsModulesCompute(ConvolutionCase shape, torch.Tensor input, torch.Tensor weight) => shape.ApplyAligned(input, weight);

    // A case's convolution in the scope's low precision on one path; its float64 reference as modules compute it.
    private static Func<ConvolutionCase, torch.Tensor, torch.Tensor, torch.Tensor> InLowPrecision(bool unfoldedWeightGradient) => (shape, input, weight) =>
    {
        if (input.dtype == torch.ScalarType.Float64)
            return shape.ApplyAligned(input, weight);
        using var laidOut = shape.LaidOut(input);
        long[] stride = [shape.Stride, shape.Stride], padding = [shape.Padding, shape.Padding], dilation = [shape.Dilation, shape.Dilation];
        return unfoldedWeightGradient
            ? LowPrecisionConvolution.Conv2d(laidOut, weight, null, stride, padding, dilation)
            : LowPrecisionConvolution.ThroughCasts(laidOut, weight, null, stride, padding, dilation, shape.Groups);
    };

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
