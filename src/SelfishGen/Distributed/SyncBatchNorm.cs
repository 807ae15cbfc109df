using TorchSharp.Modules;
using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;

namespace SelfishGen.Distributed;

/// <summary>
/// Synchronised batch normalisation: in a data-parallel step, every batch-norm layer of a model normalises with the
/// mean and variance of the whole batch (all ranks' rows), and its running statistics follow them, so that N ranks
/// compute what one process with the whole batch computes. Attached as forward hooks on the existing layers, so
/// checkpoints and module names do not change.
/// </summary>
/// <remarks>
/// Each rank's mean and biased variance per channel, computed in float64 as libtorch's CPU batch norm accumulates
/// (in float32, the variance of a channel whose spread is small next to its mean loses digits), are gathered with the
/// whole batch's gradient (<see cref="CrossRank.Gather"/>) and combined (ranks hold equally many rows). The layer's own output, from its rank's
/// rows only, is replaced; its update of the running statistics is undone and redone with the whole batch's.
/// Inactive outside a data-parallel step, in evaluation mode, and where <see cref="Suspend"/> asks for per-group
/// statistics (MoCo's shuffled batch-norm groups).
/// </remarks>
internal static class SyncBatchNorm
{
    [ThreadStatic]
    private static int _suspended;

    /// <summary>Hooks every batch-norm layer of <paramref name="model"/>; disposing the result removes the hooks.</summary>
    public static IDisposable Attach(nn.Module model)
    {
        var removers = new List<Action>();
        foreach (var layer in model.modules().OfType<BatchNorm>())
        {
            var saved = new SavedStatistics();
            removers.Add(layer.register_forward_pre_hook((module, input) =>
            {
                if (IsActive(layer))
                    saved.Take(layer);
                return null!;
            }).remove);
            removers.Add(layer.register_forward_hook((module, input, output) =>
                IsActive(layer) ? Normalise(layer, input, saved) : output).remove);
        }
        return new Detach(removers);
    }

    /// <summary>Lets batch-norm layers use their rank's rows only until the returned scope is disposed.</summary>
    public static IDisposable Suspend()
    {
        _suspended++;
        return new Detach([() => _suspended--]);
    }

    private static bool IsActive(BatchNorm layer) => layer.training && _suspended == 0 && CrossRank.IsDistributed;

    private static Tensor Normalise(BatchNorm layer, Tensor input, SavedStatistics saved)
    {
        var channels = input.shape[1];
        var dims = Enumerable.Range(0, (int)input.dim()).Where(d => d != 1).Select(d => (long)d).ToArray();
        var precise = input.to(ScalarType.Float64);
        var localMean = precise.mean(dims);
        var localVariance = (precise - Broadcastable(localMean, precise)).pow(Two).mean(dims);
        var ranks = CrossRank.Gather(stack([localMean, localVariance]).unsqueeze(0)); // (N, 2, C)
        var mean = ranks[.., 0].mean([0]);
        var variance = ranks[.., 1].Plus((ranks[.., 0] - mean).pow(Two)).mean([0]);
        using var epsilon = layer.eps.ToScalar();
        var output = (input - Broadcastable(mean.to(input.dtype), input)) * Broadcastable(variance.Plus(epsilon).rsqrt().to(input.dtype), input);
        if (layer.weight is { } weight)
            output = (output * Broadcastable(weight, input)).Plus(Broadcastable(layer.bias!, input));
        saved.UpdateRunning(layer, mean, variance, input.numel() / channels * ranks.shape[0]);
        return output;
    }

    private static Tensor Broadcastable(Tensor perChannel, Tensor input)
    {
        var shape = Enumerable.Repeat(1L, (int)input.dim()).ToArray();
        shape[1] = -1;
        return perChannel.view(shape);
    }

    /// <summary>A layer's running statistics before its forward pass, to undo the update from one rank's rows.</summary>
    private sealed class SavedStatistics
    {
        private Tensor? _mean;
        private Tensor? _variance;

        public void Take(BatchNorm layer)
        {
            _mean = layer.running_mean?.clone();
            _variance = layer.running_var?.clone();
        }

        public void UpdateRunning(BatchNorm layer, Tensor mean, Tensor variance, long count)
        {
            if (_mean is null || _variance is null || layer.running_mean is null || layer.running_var is null)
                return;
            using var _ = no_grad();
            var momentum = layer.momentum ?? 1.0 / layer.num_batches_tracked!.ToInt64();
            using var kept = (1 - momentum).ToScalar();
            using var added = momentum.ToScalar();
            using var unbiased = ((double)count / (count - 1)).ToScalar();
            layer.running_mean.copy_(_mean.mul_(kept).add_(mean.detach(), alpha: added));
            layer.running_var.copy_(_variance.mul_(kept).add_(variance.detach().mul(unbiased), alpha: added));
        }
    }

    private sealed class Detach(List<Action> actions) : IDisposable
    {
        public void Dispose() => actions.ForEach(action => action());
    }
}
