using SelfishGen.Data;
using SelfishGen.Modules;
using static TorchSharp.torch;

namespace SelfishGen.State;

/// <summary>
/// Fills memory banks with the untrained encoder's embeddings of every image before the first step. A bank of random
/// vectors (the papers' start) asks the first epoch to map each image onto noise, which costs a 10-epoch run most of
/// what it learns; a bank of real embeddings gives each image a target of its own and hard negatives from the start.
/// </summary>
public static class MemoryBankWarmStart
{
    /// <summary>Images per forward pass while filling (a few more where the last batch would hold one image).</summary>
    public const int BatchSize = 256;

    /// <summary>
    /// Sets every entry of <paramref name="banks"/> from <paramref name="embed"/> (images (B, C, H, W) on the method's
    /// device → one embedding (B, D) per bank, in the order of <paramref name="banks"/>) over <paramref name="dataset"/>
    /// in a seeded shuffled order, without gradients, normalised as a training step normalises (by the statistics of
    /// each batch: the queries of the first steps then meet targets of the same network, not of its untrained running
    /// statistics) and otherwise in evaluation mode; the method's modes and running statistics are left as they were.
    /// </summary>
    public static void Fill(SelfSupervisedMethod method, IImageDataset dataset, Func<Tensor, Tensor[]> embed, IReadOnlyList<MemoryBank> banks)
    {
        var loader = new DataLoader(dataset, BatchSizeFor(dataset.Count), shuffle: true, dropLast: false);
        using var _ = no_grad();
        foreach (var batch in loader.Epoch(0))
        {
            using (batch.To(method.Device))
            {
                using var scope = NewDisposeScope();
                var embeddings = RunningStatistics.ByBatchStatistics(method, () => embed(batch.Images));
                for (var i = 0; i < banks.Count; i++)
                    banks[i].Fill(batch.Indices, embeddings[i]);
            }
        }
    }

    // BatchSize images per batch, or a few more where that would leave a last batch of one image, which batch norm
    // cannot normalise by its own statistics.
    private static int BatchSizeFor(int count)
    {
        var size = BatchSize;
        while (count % size == 1 && size < count)
            size++;
        return size;
    }
}
