using SelfishGen.Hosting;
using SelfishGen.Modules;

namespace SelfishGen;

/// <summary>What a <see cref="Precision"/> means on a device: whether it is supported, and the type it computes in.</summary>
public static class MixedPrecision
{
    /// <summary>
    /// The low-precision type of <paramref name="precision"/>, or null for <see cref="Precision.Float32"/>. Throws an
    /// <see cref="ArgumentException"/> that says what to do when <paramref name="device"/> cannot run it: bfloat16 on
    /// a CPU without native bfloat16 arithmetic (libtorch would emulate it, slower than float32) or where oneDNN is
    /// off (<see cref="ConvolutionKernels.OneDnn"/>), float16 on a CPU.
    /// </summary>
    public static torch.ScalarType? LowPrecisionType(Precision precision, torch.Device device) =>
        LowPrecisionType(precision, device, BFloat16Support.Cpu, ConvolutionKernels.OneDnn);

    /// <summary>Whether this CPU trains in bfloat16 mixed precision now: native bfloat16 arithmetic, and oneDNN on.</summary>
    public static bool CpuRunsBFloat16 => BFloat16Support.Cpu && ConvolutionKernels.OneDnn;

    /// <summary>
    /// <see cref="LowPrecisionType(Precision, torch.Device)"/> on a CPU that does or does not compute bfloat16
    /// natively, with oneDNN on or off.
    /// </summary>
    internal static torch.ScalarType? LowPrecisionType(Precision precision, torch.Device device, bool nativeBFloat16Cpu, bool oneDnn = true) => precision switch
    {
        Precision.Float32 => null,
        Precision.BFloat16 when device.type != DeviceType.CPU || nativeBFloat16Cpu && oneDnn => torch.ScalarType.BFloat16,
        Precision.BFloat16 when nativeBFloat16Cpu => throw new ArgumentException(
            "bf16 mixed precision computes its convolutions with oneDNN, which is off in this process (a convolution "
            + "shape this network builds is one oneDNN computes wrong on this CPU, docs/onednn-conv-gradient.md, or "
            + "SELFISH_ONEDNN=off); libtorch's own bfloat16 convolutions are about 10 times slower than float32. Use fp32 "
            + "here (or a network whose shapes oneDNN computes right, such as the ConvNet), or a CUDA device."),
        Precision.BFloat16 => throw new ArgumentException(
            "bf16 mixed precision needs a CPU with the AVX-512 BF16 or AMX-BF16 instructions (this one has neither: "
            + "no avx512_bf16 or amx_bf16 in /proc/cpuinfo), where it runs at about twice the float32 rate; elsewhere "
            + "libtorch emulates bfloat16, slower than float32. Use fp32 here, or a CUDA device."),
        Precision.Float16 when device.type == DeviceType.CUDA => torch.ScalarType.Float16,
        Precision.Float16 => throw new ArgumentException(
            "fp16 mixed precision is for CUDA devices (libtorch has no fast float16 convolutions on this CPU): use bf16 "
            + "on a CPU with AVX-512 BF16, or fp32."),
        _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, null),
    };

    /// <summary>Reads <c>fp32</c>, <c>bf16</c> or <c>fp16</c> (case-insensitive).</summary>
    public static Precision Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "fp32" or "float32" => Precision.Float32,
        "bf16" or "bfloat16" => Precision.BFloat16,
        "fp16" or "float16" => Precision.Float16,
        _ => throw new ArgumentException($"Unknown precision '{text}': use fp32, bf16 or fp16."),
    };
}
