using System.Diagnostics;
using System.Reflection;
using SelfishGen.Modules;
using SelfishGen.Views;

namespace SelfishGen.Cli.Benchmarks;

/// <summary>
/// The augmented views that each training step of a view-based method (one declaring <see cref="ViewsAttribute"/>)
/// draws, made outside training with a generator seeded as the step's own (<see cref="TrainingContext.NewRandom"/>),
/// and how long making them took: the augmentation cost inside our step, which the PyTorch reference does not pay.
/// For a method that forwards its keys in shuffled batch-norm groups (MoCo), also the permutations the step draws next:
/// one per forward of keys, two with a symmetric loss.
/// </summary>
public sealed class StepViews : IDisposable
{
    private StepViews(IReadOnlyList<torch.Tensor> views, int count, IReadOnlyList<torch.Tensor> orders, IReadOnlyList<double> seconds)
    {
        Views = views;
        Count = count;
        Orders = orders;
        Seconds = seconds;
    }

    /// <summary>Every step's views in step order, each step's in declaration order (global views, then any local crops).</summary>
    public IReadOnlyList<torch.Tensor> Views { get; }

    /// <summary>Number of views per step.</summary>
    public int Count { get; }

    /// <summary>Every step's permutations of the batch (int64) for the keys' batch-norm groups, in the order the step draws them; empty when the method draws none.</summary>
    public IReadOnlyList<torch.Tensor> Orders { get; }

    /// <summary>Seconds each step's <see cref="AugmentedViews.Apply"/> took, in order.</summary>
    public IReadOnlyList<double> Seconds { get; }

    /// <summary>
    /// The views of steps 0 to <paramref name="steps"/> − 1 of a run seeded <paramref name="seed"/> whose steps cycle
    /// through the batches of <paramref name="inputs"/> in order; null when <paramref name="method"/> declares no views.
    /// </summary>
    /// <param name="method">The method whose declared views are drawn.</param>
    /// <param name="inputs">Images (batches × batch, C, H, W).</param>
    /// <param name="batchSize">Images per step.</param>
    /// <param name="steps">Steps to draw for.</param>
    /// <param name="seed">The run's seed, as given to <see cref="SelfSupervisedMethod.Supervise"/>.</param>
    public static StepViews? Draw(SelfSupervisedMethod method, torch.Tensor inputs, int batchSize, int steps, int seed)
    {
        if (method.GetType().GetCustomAttribute<ViewsAttribute>() is not { } declared)
            return null;
        var shape = new Data.ImageShape((int)inputs.shape[1], (int)inputs.shape[2], (int)inputs.shape[3]);
        var augmentation = new AugmentedViews(shape, declared.Views, declared.LocalCrops);
        var shuffled = BatchNormGroups.GroupCount(batchSize, Option(method, nameof(Methods.MoCo.Options.BatchNormGroups), 1)) > 1;
        var symmetric = Option(method, nameof(Methods.MoCo.Options.SymmetricLoss), false);
        var permutations = !shuffled ? 0 : symmetric ? 2 : 1;
        var batches = (int)inputs.shape[0] / batchSize;
        var seconds = new List<double>();
        var all = new List<torch.Tensor>();
        var orders = new List<torch.Tensor>();
        for (var step = 0; step < steps; step++)
        {
            using var random = TrainingContext.NewRandom(seed, step);
            using var scope = torch.NewDisposeScope();
            var batch = inputs.narrow(0, step % batches * batchSize, batchSize);
            var clock = Stopwatch.StartNew();
            var views = augmentation.Apply(batch, random);
            seconds.Add(clock.Elapsed.TotalSeconds);
            all.AddRange(views.Select(view => view.MoveToOuterDisposeScope()));
            for (var permutation = 0; permutation < permutations; permutation++)
                orders.Add(torch.randperm(batchSize, generator: random).MoveToOuterDisposeScope());
        }
        return new StepViews(all, augmentation.Count, orders, seconds);
    }

    // The method's option of that name (MoCo's BatchNormGroups and SymmetricLoss), the fallback when it has none.
    private static T Option<T>(SelfSupervisedMethod method, string name, T fallback) where T : struct =>
        method.Hyperparameters.GetType().GetProperty(name)?.GetValue(method.Hyperparameters) as T? ?? fallback;

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var tensor in Views.Concat(Orders))
            tensor.Dispose();
    }
}
