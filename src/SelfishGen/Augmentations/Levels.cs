using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;

namespace SelfishGen.Augmentations;

/// <summary>Conversion between [0, 1] values and the 256 levels of an 8-bit image.</summary>
internal static class Levels
{
    /// <summary>Rounds to levels 0..255 (int64).</summary>
    public static Tensor From(Tensor images) => images.mul(MaxByte).round().clamp(Zero, MaxByte).to(int64);

    /// <summary>Back to [0, 1] values in <paramref name="like"/>'s dtype.</summary>
    public static Tensor To(Tensor levels, Tensor like) => levels.to(like.dtype).div(MaxByte);
}
