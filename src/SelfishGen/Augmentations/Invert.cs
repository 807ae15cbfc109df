using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;

namespace SelfishGen.Augmentations;

/// <summary>Inverts every image: x → 1 − x.</summary>
public sealed class Invert : IAugmentation
{
    /// <inheritdoc />
    public Tensor Apply(Tensor images, Generator random) => images.SubtractedFrom(One);
}
