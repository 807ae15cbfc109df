using static TorchSharp.torch;

namespace SelfishGen.Modules;

/// <summary>
/// A 2-D convolution in <see cref="Autocast.LowPrecision"/> with a float32 master weight: forward and input gradient
/// are libtorch's low-precision convolutions (on CPUs with AVX-512 BF16 about twice as fast as float32), the weight
/// gradient is a low-precision matrix product of the output gradient with the unfolded input (im2col). This
/// libtorch's own bfloat16 weight-gradient kernel is several times slower than its float32 one on strided and
/// small-map convolutions (measured: ResNet-18's 4×4 maps and stride-2 layers), which would cancel the gain.
/// </summary>
/// <remarks>
/// The input gradient is the transposed convolution of the output gradient. While <see cref="ChannelAlignment"/> is
/// active it gets the same treatment as every other convolution: output gradient and weight zero-padded to a multiple
/// of <see cref="ChannelAlignment.Block"/> channels, so oneDNN never reads unwritten block padding.
/// </remarks>
internal sealed class LowPrecisionConvolution : autograd.SingleTensorFunction<LowPrecisionConvolution>
{
    /// <summary>Elements of unfolded input a chunk of the weight gradient may take.</summary>
    private const long UnfoldBudget = 32L << 20;

    private const string GeometryKey = "geometry";
    private const string BiasKey = "bias";
    private const string InputGradientKey = "input gradient";

    /// <inheritdoc />
    public override string Name => nameof(LowPrecisionConvolution);

    /// <summary>
    /// Whether this weight gradient beats libtorch's for a convolution of <paramref name="weight"/> over
    /// <paramref name="input"/>: where libtorch's bfloat16 kernel is slow (strided convolutions, fewer than 16 input
    /// channels, output maps of at most 4×4 positions, at most 2,048 output positions over the whole batch). Elsewhere
    /// libtorch's own bfloat16 kernels are the faster ones (measured on ResNet-18 at batch 64 to 256: half the float32
    /// time on its 8×8 to 32×32 layers; at batch 16, its 8×8 layers' weight gradient took a third of the step).
    /// </summary>
    public static bool Suits(Tensor input, Tensor weight, long[] stride, long[] padding, long[] dilation)
    {
        if (SuitsEvery(stride[0], stride[1], weight.shape[1]))
            return true;
        var positions = 1L;
        for (var d = 0; d < 2; d++)
            positions *= (input.shape[2 + d] + 2 * padding[d] - dilation[d] * (weight.shape[2 + d] - 1) - 1) / stride[d] + 1;
        return positions <= 16 || positions * input.shape[0] <= 2048;
    }

    /// <summary>Whether <see cref="Suits"/> every input of convolutions of <paramref name="shape"/> (ungrouped).</summary>
    public static bool SuitsEvery(ConvolutionCase shape) => SuitsEvery(shape.Stride, shape.Stride, shape.InChannels);

    // Strided convolutions and those with fewer than 16 input channels, whatever their input.
    private static bool SuitsEvery(long rowStride, long columnStride, long inChannels) => rowStride != 1 || columnStride != 1 || inChannels < 16;

    /// <summary>
    /// The ungrouped convolution of <paramref name="input"/> (float32 or already low precision) with
    /// <paramref name="weight"/> and <paramref name="bias"/> (float32), in <see cref="Autocast.LowPrecision"/>.
    /// </summary>
    public static Tensor Conv2d(Tensor input, Tensor weight, Tensor? bias, long[] stride, long[] padding, long[] dilation)
    {
        var type = Autocast.LowPrecision!.Value;
        using var low = Autocast.Low(input);
        if (is_grad_enabled() && (low.requires_grad || weight.requires_grad || bias?.requires_grad == true))
            return apply(low, weight, bias, new Geometry(stride, padding, dilation, type));
        using var lowWeight = weight.to(type);
        using var lowBias = bias?.to(type);
        return ChannelAlignment.Conv2d(low, lowWeight, lowBias, stride, padding, dilation, 1);
    }

    /// <summary>
    /// The convolution of <paramref name="input"/> with <paramref name="weight"/> and <paramref name="bias"/> on
    /// libtorch's own kernels in <see cref="Autocast.LowPrecision"/>, its gradients through the casts.
    /// </summary>
    public static Tensor ThroughCasts(Tensor input, Tensor weight, Tensor? bias, long[] stride, long[] padding, long[] dilation, long groups)
    {
        using var low = Autocast.Low(input);
        using var lowWeight = Autocast.Low(weight);
        using var lowBias = bias is null ? null : Autocast.Low(bias);
        return ChannelAlignment.Conv2d(low, lowWeight, lowBias, stride, padding, dilation, groups);
    }

    /// <inheritdoc />
    public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
    {
        var (input, weight, bias, geometry) = ((Tensor)vars[0], (Tensor)vars[1], vars[2] as Tensor, (Geometry)vars[3]);
        var lowWeight = weight.to(geometry.Type);
        using var lowBias = bias?.to(geometry.Type);
        ctx.save_for_backward([input, lowWeight]);
        ctx.save_data(GeometryKey, geometry);
        ctx.save_data(BiasKey, bias is not null);
        ctx.save_data(InputGradientKey, input.requires_grad);
        return ChannelAlignment.Conv2d(input, lowWeight, lowBias, geometry.Stride, geometry.Padding, geometry.Dilation, 1);
    }

    /// <inheritdoc />
    public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor outputGradient)
    {
        var saved = ctx.get_saved_variables();
        var (input, lowWeight) = (saved[0], saved[1]);
        var geometry = (Geometry)ctx.get_data(GeometryKey);
        var hasBias = (bool)ctx.get_data(BiasKey);
        using var gradient = outputGradient.to(geometry.Type);
        // Not computed for a first layer's images, which need none.
        var inputGradient = (bool)ctx.get_data(InputGradientKey) ? InputGradient(input, lowWeight, gradient, geometry) : null;
        var weightGradient = WeightGradient(input, gradient, lowWeight.shape, geometry);
        var biasGradient = hasBias ? gradient.sum([0, 2, 3], type: ScalarType.Float32) : null;
        return [inputGradient!, weightGradient, biasGradient!, null!];
    }

    // The transposed convolution of the output gradient, with the output padding that gives back the input's size, its
    // channels on both sides padded to whole blocks while ChannelAlignment is active (with fewer than 16 input
    // channels, its bfloat16 result was off by 0.3–0.5 on an AMD EPYC family 26 without the padding of the output's).
    private static Tensor InputGradient(Tensor input, Tensor weight, Tensor gradient, Geometry geometry)
    {
        var outputPadding = new long[2];
        for (var d = 0; d < 2; d++)
        {
            var covered = (gradient.shape[2 + d] - 1) * geometry.Stride[d] - 2 * geometry.Padding[d]
                + geometry.Dilation[d] * (weight.shape[2 + d] - 1) + 1;
            outputPadding[d] = input.shape[2 + d] - covered;
        }
        if (!ChannelAlignment.IsActive || weight.shape[0] % ChannelAlignment.Block == 0 || input.device_type != DeviceType.CPU)
            return ChannelAlignment.ConvTranspose2d(gradient, weight, null, geometry.Stride, geometry.Padding, outputPadding, geometry.Dilation, 1);
        var extra = ChannelAlignment.Block - weight.shape[0] % ChannelAlignment.Block;
        using var paddedGradient = nn.functional.pad(gradient, [0, 0, 0, 0, 0, extra]);
        using var paddedWeight = nn.functional.pad(weight, [0, 0, 0, 0, 0, 0, 0, extra]);
        return ChannelAlignment.ConvTranspose2d(paddedGradient, paddedWeight, null, geometry.Stride, geometry.Padding, outputPadding, geometry.Dilation, 1);
    }

    // Σ over images and output positions of gradient ⊗ unfolded input, in chunks of images; float32 (O, C, kh, kw).
    private static Tensor WeightGradient(Tensor input, Tensor gradient, long[] weightShape, Geometry geometry)
    {
        using var scope = NewDisposeScope();
        var (images, outChannels) = (input.shape[0], weightShape[0]);
        var positions = gradient.shape[2] * gradient.shape[3];
        var patch = weightShape[1] * weightShape[2] * weightShape[3];
        var chunk = Math.Clamp(UnfoldBudget / Math.Max(1, patch * positions), 1, images);
        Tensor? sum = null;
        for (long start = 0; start < images; start += chunk)
        {
            var count = Math.Min(chunk, images - start);
            var columns = nn.functional.unfold(input.narrow(0, start, count), (weightShape[2], weightShape[3]),
                    Pair(geometry.Dilation), Pair(geometry.Padding), Pair(geometry.Stride))
                .transpose(1, 2).reshape(count * positions, patch);
            var rows = gradient.narrow(0, start, count).permute(0, 2, 3, 1).reshape(count * positions, outChannels);
            var part = rows.t().mm(columns).to(ScalarType.Float32);
            sum = sum is null ? part : sum.add_(part, Hosting.Scalars.One);
        }
        return sum!.view(weightShape).MoveToOuterDisposeScope();
    }

    private static (long, long) Pair(long[] values) => (values[0], values[1]);

    /// <summary>The convolution's stride, padding and dilation, and the type it computes in.</summary>
    private sealed record Geometry(long[] Stride, long[] Padding, long[] Dilation, ScalarType Type);
}
