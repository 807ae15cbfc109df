using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;

namespace SelfishGen.Augmentations;

/// <summary>Stretches each channel of each image linearly so that its minimum becomes 0 and its maximum 1.</summary>
public sealed class AutoContrast : IAugmentation
{
    /// <inheritdoc />
    public Tensor Apply(Tensor images, Generator random)
    {
        var low = images.amin([2, 3], keepdim: true);
        var range = images.amax([2, 3], keepdim: true) - low;
        var stretched = (images - low) / where(range.gt(Zero), range, ones_like(range));
        return where(range.gt(Zero), stretched, images).clamp(Zero, One);
    }
}
