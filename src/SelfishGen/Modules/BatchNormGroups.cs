using SelfishGen.Distributed;
using static TorchSharp.torch;

namespace SelfishGen.Modules;

/// <summary>
/// Forwards a batch as consecutive groups, so every batch-norm layer computes its statistics per group: MoCo's
/// shuffle-BN, where each GPU normalises its own share of the batch and the keys are shuffled across GPUs, on one
/// device or over the ranks of a data-parallel run.
/// </summary>
/// <remarks>
/// Batch-norm statistics carry information between the images of one forward pass. When a query and its positive key
/// are normalised with statistics of the same images, the network can use that channel to find its partner instead of
/// learning features. Forwarding the queries in groups and the keys in groups of a random permutation makes a query
/// and its key meet different statistics. Each group holds at least two images, so a small batch has fewer groups.
/// In a data-parallel step the groups are those of the whole batch (all ranks' images): each rank forwards its share
/// of them with its own statistics (synchronised batch norm is suspended), and the keys' permutation runs over the
/// whole batch, each rank forwarding its part of the shuffled images. When the number of groups is a multiple of the
/// number of ranks and divides the batch, this is exactly the one-process computation; otherwise each rank splits its
/// rows into its share of the groups, rounded up.
/// </remarks>
public static class BatchNormGroups
{
    /// <summary>
    /// The output of <paramref name="network"/> on <paramref name="images"/>, forwarded as (at most)
    /// <paramref name="groups"/> consecutive groups of the (whole) batch.
    /// </summary>
    public static Tensor Forward(Func<Tensor, Tensor> network, Tensor images, int groups)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(groups, 1);
        var ranks = CrossRank.World.Size;
        var count = GroupCount(images.shape[0] * ranks, groups);
        if (count == 1)
            return network(images);
        using var ownStatistics = SyncBatchNorm.Suspend();
        var local = (count + ranks - 1) / ranks;
        return local == 1 ? network(images) : cat(images.tensor_split(local).Select(network).ToList(), 0);
    }

    /// <summary>
    /// The output of <paramref name="network"/> on <paramref name="images"/>, forwarded in groups of a random
    /// permutation of the (whole) batch drawn from <paramref name="random"/>; row i of the result still belongs to image i.
    /// </summary>
    public static Tensor ForwardShuffled(Func<Tensor, Tensor> network, Tensor images, int groups, Generator random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(groups, 1);
        var rows = images.shape[0];
        if (GroupCount(rows * CrossRank.World.Size, groups) == 1)
            return network(images);
        var whole = CrossRank.Gather(images);
        var order = randperm(whole.shape[0], generator: random).to(images.device);
        var shuffled = whole.index_select(0, order).narrow(0, CrossRank.Offset(rows), rows);
        var outputs = CrossRank.Gather(Forward(network, shuffled, groups));
        return outputs.index_select(0, argsort(order)).narrow(0, CrossRank.Offset(rows), rows);
    }

    /// <summary>The groups a batch of <paramref name="batch"/> images is forwarded in: at most <paramref name="groups"/>, each of at least two images.</summary>
    public static long GroupCount(long batch, int groups) => Math.Max(1, Math.Min(groups, batch / 2));
}
