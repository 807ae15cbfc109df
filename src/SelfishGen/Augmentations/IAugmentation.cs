using static TorchSharp.torch;

namespace SelfishGen.Augmentations;

/// <summary>
/// A random image transformation applied to a whole batch, with its own parameters for every sample.
/// </summary>
/// <remarks>
/// Images are float32 NCHW in [0, 1] with 1 or 3 channels, on any device; outputs keep dtype, device and range.
/// Every random number comes from <c>random</c> (a CPU generator): parameters are drawn there and then moved to the
/// images' device, so the same generator state always gives the same output. Colour operations that need three
/// channels (hue, saturation, grayscale) leave single-channel images unchanged; the others act on the one channel.
/// </remarks>
public interface IAugmentation
{
    /// <summary>Transforms <paramref name="images"/> (N×C×H×W), drawing all parameters from <paramref name="random"/>.</summary>
    Tensor Apply(Tensor images, Generator random);
}
