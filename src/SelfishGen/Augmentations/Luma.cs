using static TorchSharp.torch;

namespace SelfishGen.Augmentations;

/// <summary>Luma (ITU-R 601: 0.299 R + 0.587 G + 0.114 B) of a batch; a single-channel image is its own luma.</summary>
internal static class Luma
{
    /// <summary>The N×1×H×W luma of N×C×H×W images.</summary>
    public static Tensor Of(Tensor images)
    {
        if (images.shape[1] == 1)
            return images;
        var weights = tensor(new[] { 0.299f, 0.587f, 0.114f }, images.dtype, images.device).view(1, 3, 1, 1);
        return (images * weights).sum(1, keepdim: true);
    }
}
