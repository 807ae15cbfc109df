using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SelfishGen.Modules;

/// <summary>
/// Steers which inputs a network's batch-norm running statistics describe. A backbone trained on something other than
/// the images it will be used on (jigsaw tiles a few pixels wide) would otherwise evaluate whole images with the
/// statistics of its training inputs.
/// </summary>
/// <remarks>
/// Running statistics are read only in evaluation mode, so neither call changes what training computes or draws.
/// </remarks>
public static class RunningStatistics
{
    /// <summary>
    /// The result of <paramref name="forward"/>, a training pass through <paramref name="network"/>, with its batch
    /// norms normalising by batch statistics as usual but leaving their running statistics as they were.
    /// </summary>
    public static T Unchanged<T>(nn.Module network, Func<T> forward)
    {
        var layers = network.modules().OfType<BatchNorm>().Select(layer => (layer, layer.momentum)).ToList();
        foreach (var (layer, _) in layers)
            layer.momentum = 0;
        try
        {
            return forward();
        }
        finally
        {
            foreach (var (layer, momentum) in layers)
                layer.momentum = momentum;
        }
    }

    /// <summary>
    /// Moves the running statistics of <paramref name="network"/>'s batch norms towards those of
    /// <paramref name="images"/>, as a training pass over them would, without gradient; every other layer runs in
    /// evaluation mode (no dropout, no stochastic depth, no random numbers drawn).
    /// </summary>
    public static void Follow(nn.Module<Tensor, Tensor> network, Tensor images)
    {
        using var _ = no_grad();
        using var output = WithOnlyBatchNormsTraining(network, () => network.call(images));
    }

    /// <summary>
    /// The result of <paramref name="forward"/>, a pass through <paramref name="network"/> as a training step would
    /// normalise it (by batch statistics) but otherwise in evaluation mode (no dropout, no stochastic depth), leaving
    /// the running statistics as they were.
    /// </summary>
    public static T ByBatchStatistics<T>(nn.Module network, Func<T> forward) =>
        WithOnlyBatchNormsTraining(network, () => Unchanged(network, forward));

    // Runs forward with network in evaluation mode but its batch norms in training mode, then restores every mode.
    private static T WithOnlyBatchNormsTraining<T>(nn.Module network, Func<T> forward)
    {
        var modes = network.modules().Prepend(network).Select(module => (module, module.training)).ToList();
        try
        {
            network.eval();
            foreach (var layer in modes.Select(mode => mode.module).OfType<BatchNorm>())
                layer.train();
            return forward();
        }
        finally
        {
            foreach (var (module, training) in modes)
                module.train(training);
        }
    }
}
