using SelfishGen.Augmentations;
using SelfishGen.Data;

namespace SelfishGen.Pretext;

/// <summary>
/// Exemplar surrogate classes (Dosovitskiy et al., 2014): a fixed, seeded set of distinct images of the dataset is
/// chosen, each image is its own class, and the network classifies heavily augmented copies of them. Train on
/// <see cref="Prepare"/>'s dataset: the chosen images repeated to the size of the whole dataset, so that an epoch sees
/// as many augmented images as any other method's epoch (each class about dataset / classes times), and a batch's
/// dataset indices give its classes.
/// </summary>
public sealed class ExemplarPretext
{
    private readonly int[] _members;
    private readonly Scalar _classCount;

    /// <summary>
    /// Chooses min(<paramref name="classes"/>, <paramref name="datasetCount"/>) distinct images of a dataset of
    /// <paramref name="datasetCount"/> images, without replacement, from <paramref name="seed"/>.
    /// </summary>
    /// <param name="datasetCount">Number of images in the dataset the classes are drawn from.</param>
    /// <param name="classes">Wanted number of surrogate classes.</param>
    /// <param name="seed">Seed of the choice: the same seed and count always give the same classes.</param>
    /// <param name="augmentation">The augmentation of each sample; <see cref="Augment.Exemplar"/> when null.</param>
    public ExemplarPretext(int datasetCount, int classes, int seed = 0, IAugmentation? augmentation = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(datasetCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classes);
        var order = Enumerable.Range(0, datasetCount).ToArray();
        new Random(seed).Shuffle(order);
        _members = order[..Math.Min(classes, datasetCount)];
        _classCount = _members.Length.ToScalar();
        DatasetCount = datasetCount;
        Augmentation = augmentation ?? Augment.Exemplar();
    }

    /// <summary>Number of images in the dataset the classes were drawn from.</summary>
    public int DatasetCount { get; }

    /// <summary>Number of surrogate classes.</summary>
    public int ClassCount => _members.Length;

    /// <summary>The dataset index of each class: class k is image <c>Members[k]</c>.</summary>
    public IReadOnlyList<int> Members => _members;

    /// <summary>The augmentation applied to every sample.</summary>
    public IAugmentation Augmentation { get; }

    /// <summary>
    /// The training set: as many images as <paramref name="dataset"/>, position i holding the image of class
    /// i mod <see cref="ClassCount"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The dataset is not the size the classes were drawn for.</exception>
    public IImageDataset Prepare(IImageDataset dataset)
    {
        if (dataset.Count != DatasetCount)
            throw new ArgumentException(
                $"The exemplar classes were drawn from a dataset of {DatasetCount} images; this one has {dataset.Count}.", nameof(dataset));
        return new SubsetDataset(dataset, Enumerable.Range(0, DatasetCount).Select(i => _members[i % _members.Length]));
    }

    /// <summary>
    /// Augmented images and their class: a batch of <see cref="Prepare"/>'s dataset, whose index i is class
    /// i mod <see cref="ClassCount"/>.
    /// </summary>
    public PretextBatch Apply(Batch batch, TrainingContext context) =>
        new(Augmentation.Apply(batch.Images, context.Random), batch.Indices.remainder(_classCount));
}
