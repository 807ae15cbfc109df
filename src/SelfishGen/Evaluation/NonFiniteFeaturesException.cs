namespace SelfishGen.Evaluation;

/// <summary>
/// An encoder gave NaN or infinite features (<see cref="FeatureExtractor"/>): its weights or batch-norm statistics have
/// diverged, so no accuracy measured on them would mean anything.
/// </summary>
public sealed class NonFiniteFeaturesException : Exception
{
    internal NonFiniteFeaturesException(int nonFiniteImages, int images) : base(
        $"The encoder gave NaN or infinite features for {nonFiniteImages} of {images} images: its weights or batch-norm " +
        "statistics have diverged, so no accuracy measured on them would mean anything. Evaluate an earlier checkpoint, " +
        "or train again with a lower learning rate.")
    {
        NonFiniteImages = nonFiniteImages;
        Images = images;
    }

    /// <summary>Images whose feature vector holds a NaN or infinite value.</summary>
    public int NonFiniteImages { get; }

    /// <summary>Images encoded.</summary>
    public int Images { get; }
}
