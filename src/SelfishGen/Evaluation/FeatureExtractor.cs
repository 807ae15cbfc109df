using SelfishGen.Data;
using static TorchSharp.torch;

namespace SelfishGen.Evaluation;

/// <summary>Runs an encoder over a labelled dataset, in eval mode and without gradients, to collect its features.</summary>
public static class FeatureExtractor
{
    /// <summary>
    /// The features <paramref name="encoder"/> gives each image of <paramref name="dataset"/> (float32 (N, D), on the
    /// CPU, in the dataset's order) with the images' labels. The encoder runs on the device of its parameters (the CPU
    /// when it has none) and gets its training flag back afterwards.
    /// </summary>
    /// <exception cref="NonFiniteFeaturesException">A feature is NaN or infinite.</exception>
    /// <param name="encoder">Any module mapping images (N, C, H, W) to feature vectors (N, D).</param>
    /// <param name="dataset">The images.</param>
    /// <param name="batchSize">Images per forward pass.</param>
    public static LabelledFeatures Extract(nn.Module<Tensor, Tensor> encoder, IImageDataset dataset, int batchSize = 256)
    {
        var device = DeviceOf(encoder);
        var loader = new DataLoader(dataset, batchSize, shuffle: false, dropLast: false);
        var wasTraining = encoder.training;
        encoder.eval();
        try
        {
            using var scope = NewDisposeScope();
            var features = new List<Tensor>(loader.BatchesPerEpoch);
            var labels = new List<Tensor>(loader.BatchesPerEpoch);
            using (no_grad())
            {
                foreach (var batch in loader.Epoch(0))
                {
                    using (batch)
                    {
                        features.Add(Encode(encoder, batch.Images, device));
                        labels.Add(batch.Labels.clone());
                    }
                }
            }
            var all = cat(features, 0);
            var nonFinite = (int)all.isfinite().all(1).logical_not().sum().item<long>();
            if (nonFinite > 0)
                throw new NonFiniteFeaturesException(nonFinite, (int)all.shape[0]);
            return new LabelledFeatures(all.MoveToOuterDisposeScope(), cat(labels, 0).MoveToOuterDisposeScope());
        }
        finally
        {
            encoder.train(wasTraining);
        }
    }

    /// <summary>The device of <paramref name="module"/>'s first parameter, or the CPU when it has none.</summary>
    private static Device DeviceOf(nn.Module module) => module.parameters().FirstOrDefault()?.device ?? CPU;

    private static Tensor Encode(nn.Module<Tensor, Tensor> encoder, Tensor images, Device device)
    {
        using var region = Hosting.NoCollectionRegion.Enter();
        using var scope = NewDisposeScope();
        var features = encoder.call(images.to(device));
        if (features.dim() != 2)
            throw new InvalidOperationException(
                $"The encoder gave features of shape ({string.Join(", ", features.shape)}); expected (N, D).");
        return features.to(float32).cpu().MoveToOuterDisposeScope();
    }
}
