using System.Diagnostics;
using SelfishGen.Data;
using SelfishGen.Distributed;
using SelfishGen.Methods;
using SelfishGen.Tests.Methods;

namespace SelfishGen.DistributedHost;

/// <summary>Runs that fail on one rank: the tests check that every rank stops, with the message, and what was saved.</summary>
internal static class Faults
{
    private const int BatchSize = 8;

    /// <summary>Rank <paramref name="failingRank"/> throws in the middle of step <paramref name="step"/>.</summary>
    public static void FailInStep(string output, int failingRank, int step)
    {
        var method = new FailingRotateNet(new RandomPatterns(64), failingRank, step, nonFinite: false);
        method.Supervise(epochs: 1, batchSize: BatchSize, name: Path.Combine(output, "failing"));
    }

    /// <summary>
    /// Rank <paramref name="failingRank"/>'s loss is NaN in step <paramref name="step"/>, which every rank skips or
    /// stops at (<paramref name="skip"/>); each rank writes the steps it skipped and the sum of its weights.
    /// </summary>
    public static void NonFiniteLoss(string output, int failingRank, int step, bool skip)
    {
        var method = new FailingRotateNet(new RandomPatterns(64), failingRank, step, nonFinite: true);
        var report = method.Supervise(epochs: 1, batchSize: BatchSize, name: Path.Combine(output, "nonfinite"),
            onNonFinite: skip ? NonFiniteSteps.Skip : NonFiniteSteps.Stop);
        var weights = method.parameters().Sum(p => p.detach().to(float64).sum().item<double>());
        File.WriteAllText(Path.Combine(output, $"rank{Communicators.FromEnvironment().Rank}.result"),
            $"skipped {string.Join(' ', report.SkippedSteps)}; weights {weights:R}");
    }

    /// <summary>
    /// Trains SimCLR for 2 epochs of 8 steps into <paramref name="store"/>, with a checkpoint every 8 steps, resuming
    /// from the store when <paramref name="resume"/>, on images of which <paramref name="image"/> (none when negative)
    /// cannot be read, or, with <paramref name="kill"/>, kills the process that loads it; writes the losses of the steps run.
    /// </summary>
    public static void SimClr(string output, string store, int image, bool kill, bool resume)
    {
        var method = TinyMethods.Create("SimCLR", new Faulty(new RandomPatterns(64), image, kill));
        var report = method.Supervise(epochs: 2, batchSize: BatchSize, seed: 3, name: Path.Combine(output, store), pretrained: resume,
            checkpointEvery: CheckpointInterval.Every(8), syncBatchNorm: true);
        File.WriteAllText(Path.Combine(output, $"{store}.losses"), string.Join(' ', report.StepLosses.Select(l => l.ToString("R"))));
    }

    /// <summary>
    /// A RotateNet that fails on one rank in the middle of a step, while the other ranks go on to the gradient
    /// all-reduce: it throws, or (<paramref name="nonFinite"/>) its loss is NaN.
    /// </summary>
    private sealed class FailingRotateNet(IImageDataset data, int failingRank, int step, bool nonFinite) : RotateNet(data)
    {
        protected override Tensor Forward(Batch batch, TrainingContext context)
        {
            if (context.Step != step || CrossRank.World.Rank != failingRank)
                return base.Forward(batch, context);
            if (nonFinite)
                return base.Forward(batch, context) * double.NaN;
            throw new InvalidOperationException($"injected failure on rank {failingRank} in step {step}");
        }
    }

    /// <summary>
    /// A dataset of which one image cannot be read, as a corrupt file, or (<paramref name="kill"/>) whose second
    /// reading (in the second epoch) kills the process at once (SIGKILL), as the kernel's out-of-memory killer or a
    /// lost machine would.
    /// </summary>
    private sealed class Faulty(IImageDataset inner, int image, bool kill) : IImageDataset
    {
        private int _reads;

        public int Count => inner.Count;

        public ImageShape Shape => inner.Shape;

        public IReadOnlyList<string> ClassNames => inner.ClassNames;

        public int Label(int index) => inner.Label(index);

        public Tensor LoadImages(ReadOnlySpan<int> indices)
        {
            if (!indices.Contains(image))
                return inner.LoadImages(indices);
            if (!kill)
                throw new InvalidDataException($"image {image} is corrupt");
            if (Interlocked.Increment(ref _reads) == 2)
                Process.GetCurrentProcess().Kill();
            return inner.LoadImages(indices);
        }
    }
}
