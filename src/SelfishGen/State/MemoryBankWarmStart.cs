using SelfishGen.Data;
using static TorchSharp.torch;

namespace SelfishGen.State;

/// <summary>
/// Fills memory banks with the untrained encoder's embeddings of every image before the first step. A bank of random
/// vectors (the papers' start) asks the first epoch to map each image onto noise, which costs a 10-epoch run most of
/// what it learns; a bank of real embeddings gives each image a target of its own and hard negatives from the start.
/// </summary>
public static class MemoryBankWarmStart
{
    /// <summary>Images per forward pass while filling.</summary>
    public const int BatchSize = 256;

    /// <summary>
    /// Sets every entry of <paramref name="banks"/> from <paramref name="embed"/> (images (B, C, H, W) on the method's
    /// device → one embedding (B, D) per bank, in the order of <paramref name="banks"/>) over <paramref name="dataset"/>,
    /// with <paramref name="method"/> in eval mode and without gradients; its training flag is restored afterwards.
    /// </summary>
    public static void Fill(SelfSupervisedMethod method, IImageDataset dataset, Func<Tensor, Tensor[]> embed, IReadOnlyList<MemoryBank> banks)
    {
        var loader = new DataLoader(dataset, BatchSize, shuffle: false, dropLast: false);
        var wasTraining = method.training;
        method.eval();
        try
        {
            using var _ = no_grad();
            foreach (var batch in loader.Epoch(0))
            {
                using (batch.To(method.Device))
                {
                    using var scope = NewDisposeScope();
                    var embeddings = embed(batch.Images);
                    for (var i = 0; i < banks.Count; i++)
                        banks[i].Fill(batch.Indices, embeddings[i]);
                }
            }
        }
        finally
        {
            method.train(wasTraining);
        }
    }
}
