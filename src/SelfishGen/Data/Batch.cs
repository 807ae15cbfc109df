namespace SelfishGen.Data;

/// <summary>One mini-batch: images in [0, 1] (N, C, H, W), labels (N; -1 when unlabelled) and dataset indices (N).</summary>
/// <remarks>The batch owns its tensors; dispose it when the step is done.</remarks>
public sealed class Batch(torch.Tensor images, torch.Tensor labels, torch.Tensor indices) : IDisposable
{
    /// <summary>Images, float32, (N, C, H, W), values in [0, 1].</summary>
    public torch.Tensor Images { get; private set; } = images;

    /// <summary>Labels, int64, (N); -1 for unlabelled images.</summary>
    public torch.Tensor Labels { get; private set; } = labels;

    /// <summary>Indices of the images in their dataset, int64, (N): what memory banks are keyed by.</summary>
    public torch.Tensor Indices { get; private set; } = indices;

    /// <summary>Number of images.</summary>
    public int Size => (int)Images.shape[0];

    /// <summary>This batch with <paramref name="images"/> in place of its images (an augmented view of them).</summary>
    /// <remarks>The result shares this batch's labels and indices: dispose this batch, not the result.</remarks>
    public Batch WithImages(torch.Tensor images) => new(images, Labels, Indices);

    /// <summary>Moves the tensors to <paramref name="device"/> (no copy when they are already there).</summary>
    /// <remarks>Call it outside a dispose scope that ends before the batch is disposed.</remarks>
    public Batch To(torch.Device device)
    {
        if (Images.device_type == device.type && Images.device_index == device.index)
            return this;
        Images = Replace(Images, Images.to(device));
        Labels = Replace(Labels, Labels.to(device));
        Indices = Replace(Indices, Indices.to(device));
        return this;
    }

    private static torch.Tensor Replace(torch.Tensor old, torch.Tensor moved)
    {
        if (!ReferenceEquals(old, moved))
            old.Dispose();
        return moved;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
        Indices.Dispose();
    }
}
