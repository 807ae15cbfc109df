using System.Diagnostics;
using SelfishGen.Data;
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
        var method = new FailingRotateNet(new RandomPatterns(64), failingRank, step);
        method.Supervise(epochs: 1, batchSize: BatchSize, name: Path.Combine(output, "failing"));
    }

    /// <summary>
    /// Trains SimCLR for <paramref name="epochs"/> into <paramref name="store"/>, resuming from the store when
    /// <paramref name="resume"/>, on images of which <paramref name="image"/> (none when negative) cannot be read,
    /// or, with <paramref name="kill"/>, kills the process that loads it; writes the losses of the steps run.
    /// </summary>
    public static void SimClr(string output, string store, int image, bool kill, bool resume, int epochs)
    {
        var method = TinyMethods.Create("SimCLR", new Faulty(new RandomPatterns(64), image, kill));
        var report = method.Supervise(epochs: epochs, batchSize: BatchSize, seed: 3, name: Path.Combine(output, store), pretrained: resume, syncBatchNorm: true);
        File.WriteAllText(Path.Combine(output, $"{store}.losses"), string.Join(' ', report.StepLosses.Select(l => l.ToString("R"))));
    }

    /// <summary>A RotateNet that fails on one rank in the middle of a step, while the other ranks go on to the gradient all-reduce.</summary>
    private sealed class FailingRotateNet(IImageDataset data, int failingRank, int step) : RotateNet(data)
    {
        protected override Tensor Forward(Batch batch, TrainingContext context)
        {
            if (context.Step == step && Distributed.CrossRank.World.Rank == failingRank)
                throw new InvalidOperationException($"injected failure on rank {failingRank} in step {step}");
            return base.Forward(batch, context);
        }
    }

    /// <summary>
    /// A dataset of which one image cannot be read, as a corrupt file, or (<paramref name="kill"/>) whose reading
    /// kills the process at once (SIGKILL), as the kernel's out-of-memory killer or a lost machine would.
    /// </summary>
    private sealed class Faulty(IImageDataset inner, int image, bool kill) : IImageDataset
    {
        public int Count => inner.Count;

        public ImageShape Shape => inner.Shape;

        public IReadOnlyList<string> ClassNames => inner.ClassNames;

        public int Label(int index) => inner.Label(index);

        public Tensor LoadImages(ReadOnlySpan<int> indices)
        {
            if (indices.Contains(image) && kill)
                Process.GetCurrentProcess().Kill();
            return indices.Contains(image) ? throw new InvalidDataException($"image {image} is corrupt") : inner.LoadImages(indices);
        }
    }
}
