using static TorchSharp.torch;

namespace SelfishGen.Modules;

/// <summary>
/// The channels-last memory layout (shape still N, C, H, W; in memory N, H, W, C), in which this libtorch's oneDNN
/// convolutions run fastest on the CPU: measured on 2 cores, an EfficientNet-B0 training step about 1.45× faster
/// (depthwise convolutions above all), a ResNet-18 step about 5 %; on one core of an AVX2 CPU, the ConvNet's
/// training step on 3×32×32 images about 1.2× and its inference 1.4× (1×28×28: no change). A backbone converts its
/// input once; convolutions, batch norms and element-wise operations keep the layout, so every activation after the
/// input is channels-last.
/// </summary>
internal static class ChannelsLast
{
    /// <summary><paramref name="images"/> (N, C, H, W) laid out channels-last on the CPU; elsewhere an alias of it.</summary>
    public static Tensor Of(Tensor images)
    {
        if (images.device_type != DeviceType.CPU)
            return images.alias();
        using var pixelsFirst = images.permute(0, 2, 3, 1);
        using var packed = pixelsFirst.contiguous();
        return packed.permute(0, 3, 1, 2);
    }

    /// <summary>
    /// <paramref name="compute"/> of <paramref name="input"/> made contiguous, its result laid out channels-last again
    /// when <paramref name="input"/> was: a layer that must read contiguous input does not hand that layout on to the
    /// layers after it (a depthwise convolution on contiguous 2×2 to 4×4 maps takes 4 to 8 times as long).
    /// </summary>
    public static Tensor ThroughContiguous(Tensor input, Func<Tensor, Tensor> compute)
    {
        using var contiguous = input.contiguous();
        if (!Is(input))
            return compute(contiguous);
        using var output = compute(contiguous);
        return Of(output);
    }

    // Channels adjacent in memory, and more than one of them, so not also contiguous.
    private static bool Is(Tensor maps) => maps.dim() == 4 && maps.shape[1] > 1 && maps.stride(1) == 1 && !maps.is_contiguous();
}
