using System.Diagnostics;
using System.Reflection;
using SelfishGen.Data;
using SelfishGen.Views;

namespace SelfishGen.Cli.Benchmarks;

/// <summary>
/// How long a method with a pretext task takes to make its step's inputs alone, outside training: its pretext task's
/// <c>Apply(Batch, TrainingContext)</c> (rotations, puzzles, erased blocks, colour halves, latent codes, exemplar
/// augmentations) or CPC's cutting of patches, on the batches and step generators of the steps (a pretext task's
/// view, RotateNet's padded crop, is timed apart by <see cref="StepViews"/>). Such a method makes its inputs inside its
/// step, on the step's thread, so this time is part of the step; the benchmark reports the step over it, how far the
/// step outweighs its input pipeline.
/// </summary>
public static class PretextInputs
{
    /// <summary>
    /// Seconds of each of the steps 0 to <paramref name="steps"/> − 1 of a run seeded <paramref name="seed"/> whose
    /// steps cycle through the batches of <paramref name="inputs"/>; null when <paramref name="method"/> makes its inputs
    /// by neither (e.g. a method comparing views: <see cref="StepViews"/>).
    /// </summary>
    /// <param name="method">The method whose pretext is timed.</param>
    /// <param name="inputs">Images (batches × batch, C, H, W).</param>
    /// <param name="batchSize">Images per step.</param>
    /// <param name="steps">Steps to time.</param>
    /// <param name="seed">The run's seed, as given to <see cref="SelfSupervisedMethod.Supervise"/>.</param>
    public static IReadOnlyList<double>? Time(SelfSupervisedMethod method, torch.Tensor inputs, int batchSize, int steps, int seed)
    {
        if (Maker(method) is not { } make)
            return null;
        var batches = (int)inputs.shape[0] / batchSize;
        var seconds = new List<double>();
        for (var step = 0; step < steps; step++)
        {
            using var random = TrainingContext.NewRandom(seed, step);
            using var scope = torch.NewDisposeScope();
            var first = step % batches * batchSize;
            var indices = Enumerable.Range(first, batchSize).Select(i => (long)i).ToArray();
            var batch = new Batch(inputs.narrow(0, first, batchSize), torch.tensor(Enumerable.Repeat(-1L, batchSize).ToArray()), torch.tensor(indices));
            var context = new TrainingContext(random, method.Device, 0, step, steps);
            var clock = Stopwatch.StartNew();
            make(batch, context);
            seconds.Add(clock.Elapsed.TotalSeconds);
        }
        return seconds;
    }

    // The generated method keeps its pretext task, or CPC's patch grid, in a private field.
    private static Action<Batch, TrainingContext>? Maker(SelfSupervisedMethod method)
    {
        foreach (var field in method.GetType().GetFields(BindingFlags.Instance | BindingFlags.NonPublic))
        {
            var value = field.GetValue(method);
            if (value is PatchGrid patches)
                return (batch, context) => patches.Cut(batch.Images, context.Random);
            if (value?.GetType() is { Namespace: "SelfishGen.Pretext" } type && type.GetMethod("Apply", [typeof(Batch), typeof(TrainingContext)]) is { } apply)
                return (batch, context) => apply.Invoke(value, [batch, context]);
        }
        return null;
    }
}
