namespace SelfishGen.Evaluation;

/// <summary>One feature vector and one class label per image, as an encoder sees a labelled dataset.</summary>
/// <remarks>Owns its tensors; dispose it when done.</remarks>
public sealed class LabelledFeatures : IDisposable
{
    /// <summary>Pairs <paramref name="features"/> (N, D) with <paramref name="labels"/> (N).</summary>
    public LabelledFeatures(torch.Tensor features, torch.Tensor labels)
    {
        if (features.dim() != 2 || labels.dim() != 1 || features.shape[0] != labels.shape[0])
            throw new ArgumentException(
                $"Expected features (N, D) and labels (N); got {ShapeText(features)} and {ShapeText(labels)}.");
        Features = features;
        Labels = labels;
    }

    /// <summary>Feature vectors, float32, (N, D).</summary>
    public torch.Tensor Features { get; }

    /// <summary>Class labels, int64, (N).</summary>
    public torch.Tensor Labels { get; }

    /// <summary>Number of images, N.</summary>
    public int Count => (int)Features.shape[0];

    /// <summary>Length of a feature vector, D.</summary>
    public int Dimension => (int)Features.shape[1];

    /// <summary>Number of classes: one more than the largest label. Throws when an image is unlabelled (-1).</summary>
    public int ClassCount()
    {
        if (Count == 0)
            throw new InvalidOperationException("There are no labelled images.");
        if (Labels.min().item<long>() < 0)
            throw new InvalidOperationException("Some images are unlabelled (label -1); evaluation needs a label for every image.");
        return (int)Labels.max().item<long>() + 1;
    }

    private static string ShapeText(torch.Tensor tensor) => $"({string.Join(", ", tensor.shape)})";

    /// <inheritdoc />
    public void Dispose()
    {
        Features.Dispose();
        Labels.Dispose();
    }
}
