using static TorchSharp.torch;

namespace SelfishGen.Modules;

/// <summary>
/// Convolutions that work around a defect of the libtorch TorchSharp 0.107 ships: on some CPUs its oneDNN kernels
/// compute a wrong float32 input gradient when a convolution's output channels are not a multiple of the kernel's
/// channel block (16 with AVX-512, 8 with AVX2): they read the block's padding, which they never wrote
/// (docs/onednn-conv-gradient.md). While <see cref="IsActive"/>, such a convolution is computed with its output
/// channels zero-padded to a multiple of <see cref="Block"/> and the output sliced back, so the kernel only ever sees
/// whole blocks. Parameters keep their usual shapes; the result and its gradients are the plain convolution's.
/// </summary>
public static class ChannelAlignment
{
    /// <summary>Output channels are padded to a multiple of this: the widest oneDNN channel block (AVX-512).</summary>
    public const int Block = 16;

    /// <summary>The environment variable that sets <see cref="Mode"/>: <c>auto</c>, <c>on</c> or <c>off</c>.</summary>
    public const string EnvironmentVariable = "SELFISH_CONV_CHANNEL_ALIGNMENT";

    private static readonly Lazy<ConvolutionGradientReport> Check = new(RunCheck);

    /// <summary>
    /// When convolutions are aligned: <see cref="ChannelAlignmentMode.Auto"/> (the default, or the value of
    /// <see cref="EnvironmentVariable"/>) after <see cref="ConvolutionGradientCheck"/> finds the defect in the loaded
    /// libtorch, or always / never.
    /// </summary>
    public static ChannelAlignmentMode Mode { get; set; } = ModeFromEnvironment();

    /// <summary>Whether CPU convolutions are aligned now (runs the check once, the first time it is needed).</summary>
    public static bool IsActive => Mode switch
    {
        ChannelAlignmentMode.On => true,
        ChannelAlignmentMode.Off => false,
        _ => Check.Value.Faulty,
    };

    /// <summary>What the start-up check found (runs it once, the first time it is asked).</summary>
    public static ConvolutionGradientReport CheckReport => Check.Value;

    /// <summary>
    /// <c>conv2d</c>, computed with output channels padded to a multiple of <see cref="Block"/> while
    /// <see cref="IsActive"/> (CPU, float32 and lower precision, ungrouped convolutions; others as they are).
    /// </summary>
    public static Tensor Conv2d(Tensor input, Tensor weight, Tensor? bias, long[] stride, long[] padding, long[] dilation, long groups) =>
        Needed(input, weight.shape[0], groups)
            ? WithPaddedChannels(weight, bias, channelDimension: 0, (w, b) => nn.functional.conv2d(input, w, b, stride, padding, dilation, groups))
            : nn.functional.conv2d(input, weight, bias, stride, padding, dilation, groups);

    /// <summary>
    /// <c>conv_transpose2d</c>, computed with output channels padded to a multiple of <see cref="Block"/> while
    /// <see cref="IsActive"/> (CPU, float32 and lower precision, ungrouped convolutions; others as they are).
    /// </summary>
    public static Tensor ConvTranspose2d(
        Tensor input, Tensor weight, Tensor? bias, long[] stride, long[] padding, long[] outputPadding, long[] dilation, long groups) =>
        Needed(input, weight.shape[1], groups)
            ? WithPaddedChannels(weight, bias, channelDimension: 1,
                (w, b) => nn.functional.conv_transpose2d(input, w, b, stride, padding, outputPadding, dilation, groups))
            : nn.functional.conv_transpose2d(input, weight, bias, stride, padding, outputPadding, dilation, groups);

    // Runs the convolution with the weight's output-channel dimension (and the bias) zero-padded to a multiple of the
    // block, then keeps the real channels of its output.
    private static Tensor WithPaddedChannels(Tensor weight, Tensor? bias, int channelDimension, Func<Tensor, Tensor?, Tensor> convolve)
    {
        var outChannels = weight.shape[channelDimension];
        var extra = Block - outChannels % Block;
        var weightPadding = new long[2 * weight.dim()];
        weightPadding[^(2 * channelDimension + 1)] = extra;
        using var paddedWeight = nn.functional.pad(weight, weightPadding);
        using var paddedBias = bias is null ? null : nn.functional.pad(bias, [0, extra]);
        using var output = convolve(paddedWeight, paddedBias);
        return output.narrow(1, 0, outChannels);
    }

    private static bool Needed(Tensor input, long outChannels, long groups) =>
        outChannels % Block != 0 && groups == 1 && input.device_type == DeviceType.CPU && input.dtype != ScalarType.Float64 && IsActive;

    private static ConvolutionGradientReport RunCheck()
    {
        _ = ConvolutionKernels.Chosen;
        var report = ConvolutionGradientCheck.Run();
        if (report.Faulty)
            Console.Error.WriteLine($"SelfishGen: {report.Summary} SelfishGen's layers pad such convolutions' channels; " +
                $"in your own modules use {nameof(ChannelAlignedConv2d)} / {nameof(ChannelAlignedConvTranspose2d)} " +
                $"(docs/onednn-conv-gradient.md). Set {EnvironmentVariable}=off to turn the workaround off.");
        return report;
    }

    private static ChannelAlignmentMode ModeFromEnvironment() =>
        Environment.GetEnvironmentVariable(EnvironmentVariable)?.Trim().ToLowerInvariant() switch
        {
            null or "" or "auto" => ChannelAlignmentMode.Auto,
            "on" or "1" or "true" => ChannelAlignmentMode.On,
            "off" or "0" or "false" => ChannelAlignmentMode.Off,
            var other => throw new InvalidOperationException($"{EnvironmentVariable}='{other}' is not a mode: use auto, on or off."),
        };
}
