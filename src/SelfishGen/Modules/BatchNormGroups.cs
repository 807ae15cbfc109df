using static TorchSharp.torch;

namespace SelfishGen.Modules;

/// <summary>
/// Forwards a batch as consecutive groups, so every batch-norm layer computes its statistics per group: the
/// single-device substitute for MoCo's shuffle-BN, where each GPU normalises its own share of the batch and the keys
/// are shuffled across GPUs.
/// </summary>
/// <remarks>
/// Batch-norm statistics carry information between the images of one forward pass. When a query and its positive key
/// are normalised with statistics of the same images, the network can use that channel to find its partner instead of
/// learning features. Forwarding the queries in groups and the keys in groups of a random permutation makes a query
/// and its key meet different statistics. Each group holds at least two images, so a small batch has fewer groups.
/// </remarks>
public static class BatchNormGroups
{
    /// <summary>
    /// The output of <paramref name="network"/> on <paramref name="images"/>, forwarded as (at most)
    /// <paramref name="groups"/> consecutive groups of the batch.
    /// </summary>
    public static Tensor Forward(Func<Tensor, Tensor> network, Tensor images, int groups)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(groups, 1);
        var count = GroupCount(images.shape[0], groups);
        return count == 1 ? network(images) : cat(images.tensor_split(count).Select(network).ToList(), 0);
    }

    /// <summary>
    /// The output of <paramref name="network"/> on <paramref name="images"/>, forwarded in groups of a random
    /// permutation of the batch drawn from <paramref name="random"/>; row i of the result still belongs to image i.
    /// </summary>
    public static Tensor ForwardShuffled(Func<Tensor, Tensor> network, Tensor images, int groups, Generator random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(groups, 1);
        if (GroupCount(images.shape[0], groups) == 1)
            return network(images);
        var order = randperm(images.shape[0], generator: random).to(images.device);
        var shuffled = Forward(network, images.index_select(0, order), groups);
        return shuffled.index_select(0, argsort(order));
    }

    /// <summary>The groups a batch of <paramref name="batch"/> images is forwarded in: at most <paramref name="groups"/>, each of at least two images.</summary>
    public static long GroupCount(long batch, int groups) => Math.Max(1, Math.Min(groups, batch / 2));
}
