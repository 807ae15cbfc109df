using SelfishGen.Hosting;
using SelfishGen.Tests.Methods;

namespace SelfishGen.Tests.Precision;

/// <summary>
/// Every built-in method trains in bfloat16 mixed precision where the CPU computes it natively, its loss curve close to
/// float32's from the same weights and data, its weights float32 throughout; elsewhere training in bfloat16 is refused
/// with a message that says why and what to use.
/// </summary>
public sealed class MixedPrecisionTrainingTests : IDisposable
{
    private const int BatchSize = 16;
    private const int Epochs = 2; // 48 images: 6 steps

    // Stated tolerances, relative to max(1, |float32 loss|): the first step (the same weights and batch, so the forward
    // pass alone) within 1 %; the mean of the curve within 5 %; every step within 20 %, as the two runs' weights drift
    // apart by rounding and the losses of these tiny runs swing by a third from step to step (measured on this CPU,
    // over all methods: at most 0.3 % at the first step, 2 % on the mean, 10.4 % at a step (InstanceDiscrimination)).
    private const double FirstStepTolerance = 0.01;
    private const double MeanTolerance = 0.05;
    private const double StepTolerance = 0.20;

    private readonly string _store = Directory.CreateTempSubdirectory("selfish-bf16-").FullName;

    public void Dispose() => Directory.Delete(_store, recursive: true);

    public static TheoryData<string> Methods => [.. TinyMethods.Names];

    [Theory]
    [MemberData(nameof(Methods))]
    public void A_short_bfloat16_run_follows_the_float32_loss_curve_with_float32_weights(string method)
    {
        var images = new RandomPatterns(48, channels: 3, cells: 2);
        var mixed = TinyMethods.Create(method, images);
        if (!MixedPrecision.CpuRunsBFloat16)
        {
            var refused = Assert.Throws<ArgumentException>(() => Train(mixed, SelfishGen.Precision.BFloat16, "bf16"));
            Assert.Contains("Use fp32", refused.Message);
            return;
        }
        var full = Train(TinyMethods.Create(method, images), SelfishGen.Precision.Float32, "fp32");
        var low = Train(mixed, SelfishGen.Precision.BFloat16, "bf16");

        Assert.Equal(full.StepLosses.Count, low.StepLosses.Count);
        var curves = $"curves {string.Join(" ", low.StepLosses)} vs {string.Join(" ", full.StepLosses)}";
        foreach (var (step, (bf16, fp32)) in low.StepLosses.Zip(full.StepLosses).Index())
            Assert.True(float.IsFinite(bf16) && Close(bf16, fp32, step == 0 ? FirstStepTolerance : StepTolerance),
                $"{method} step {step}: bf16 loss {bf16}, fp32 {fp32}; {curves}");
        Assert.True(Close(low.StepLosses.Average(), full.StepLosses.Average(), MeanTolerance), $"{method} mean loss: {curves}");
        Assert.All(mixed.parameters(), p => Assert.Equal(ScalarType.Float32, p.dtype));
    }

    [Fact]
    public void Bfloat16_on_a_cpu_without_native_bfloat16_is_refused_with_what_to_use()
    {
        var refused = Assert.Throws<ArgumentException>(() => MixedPrecision.LowPrecisionType(SelfishGen.Precision.BFloat16, CPU, nativeBFloat16Cpu: false));

        Assert.Contains("avx512_bf16", refused.Message);
        Assert.Contains("Use fp32", refused.Message);
        Assert.Equal(ScalarType.BFloat16, MixedPrecision.LowPrecisionType(SelfishGen.Precision.BFloat16, CPU, nativeBFloat16Cpu: true));
        Assert.Null(MixedPrecision.LowPrecisionType(SelfishGen.Precision.Float32, CPU, nativeBFloat16Cpu: false));
    }

    [Fact]
    public void Bfloat16_where_onednn_is_off_is_refused_with_why_and_what_to_use()
    {
        var refused = Assert.Throws<ArgumentException>(() =>
            MixedPrecision.LowPrecisionType(SelfishGen.Precision.BFloat16, CPU, nativeBFloat16Cpu: true, oneDnn: false));

        Assert.Contains("oneDNN", refused.Message);
        Assert.Contains("Use fp32", refused.Message);
        Assert.Null(MixedPrecision.LowPrecisionType(SelfishGen.Precision.Float32, CPU, nativeBFloat16Cpu: true, oneDnn: false));
    }

    [Fact]
    public void Float16_is_refused_on_a_cpu_before_training_starts()
    {
        var method = TinyMethods.Create("SimCLR", new RandomPatterns(32, channels: 3, cells: 2));

        var refused = Assert.Throws<ArgumentException>(() => Train(method, SelfishGen.Precision.Float16, "fp16"));

        Assert.Contains("CUDA", refused.Message);
        Assert.False(File.Exists(Path.Combine(_store, "fp16.ckpt")));
    }

    [Theory]
    [InlineData("flags\t\t: fpu vme avx512f avx512_bf16 avx512_vnni", true)]
    [InlineData("flags\t\t: fpu amx_tile amx_bf16 amx_int8", true)]
    [InlineData("flags\t\t: fpu vme avx2 avx512f avx512_vnni", false)]
    public void The_cpu_flags_tell_native_bfloat16(string flags, bool native) =>
        Assert.Equal(native, BFloat16Support.HasNativeFlag(flags));

    [Theory]
    [InlineData("bf16", SelfishGen.Precision.BFloat16)]
    [InlineData("FP32", SelfishGen.Precision.Float32)]
    [InlineData("float16", SelfishGen.Precision.Float16)]
    public void Precision_names_parse(string text, SelfishGen.Precision expected) => Assert.Equal(expected, MixedPrecision.Parse(text));

    private static bool Close(double bf16, double fp32, double tolerance) => Math.Abs(bf16 - fp32) <= tolerance * Math.Max(1, Math.Abs(fp32));

    private TrainingReport Train(SelfSupervisedMethod method, SelfishGen.Precision precision, string name) =>
        method.Supervise(lr: TinyMethods.LearningRate(method.GetName()), epochs: Epochs, batchSize: BatchSize, shuffle: false,
            name: Path.Combine(_store, name), precision: precision);
}
