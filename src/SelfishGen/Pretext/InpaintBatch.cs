using static SelfishGen.Hosting.Scalars;

namespace SelfishGen.Pretext;

/// <summary>Images with erased blocks, the clean images, and where the blocks are.</summary>
/// <param name="Erased">Inputs: the images with 0 inside the blocks, (N, C, H, W).</param>
/// <param name="Clean">Targets: the original images, (N, C, H, W).</param>
/// <param name="Mask">1 inside the erased blocks, 0 elsewhere, float (N, 1, H, W).</param>
public readonly record struct InpaintBatch(torch.Tensor Erased, torch.Tensor Clean, torch.Tensor Mask)
{
    /// <summary>The clean pixels outside the blocks and <paramref name="prediction"/>'s inside: what a discriminator judges.</summary>
    public torch.Tensor Complete(torch.Tensor prediction) => Erased.Plus(prediction * Mask);
}
