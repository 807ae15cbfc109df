using SelfishGen.Data;
using SelfishGen.Distributed;
using SelfishGen.Tests.Methods;

namespace SelfishGen.DistributedHost;

/// <summary>
/// Trains tiny methods for a few SGD steps on a global batch, with synchronised batch norm, and writes what rank 0 saw
/// at every step (loss and averaged gradient) and what every rank ends with (all parameters and buffers), for the
/// tests to compare runs with different numbers of ranks. The learning rates are low enough that float32 rounding is
/// not amplified into other weights within the few steps (Barlow Twins on 16 images is the most sensitive).
/// </summary>
internal static class EquivalenceRun
{
    public static void Train(string output, string[] methods, int steps, int batchSize)
    {
        var rank = Communicators.FromEnvironment().Rank;
        foreach (var name in methods)
        {
            var images = new RandomPatterns(steps * batchSize, channels: TinyMethods.ColourMethods.Contains(name) ? 3 : 1, cells: 8);
            var method = TinyMethods.Create(name, images);
            var recorder = new StepRecorder(method);
            method.Supervise(lr: name == "BarlowTwins" ? 0.001 : 0.01, optimizer: OptimizerKind.Sgd, epochs: 1, batchSize: batchSize, seed: 5,
                name: Path.Combine(output, name), observer: recorder, syncBatchNorm: true);
            if (rank == 0)
                recorder.Write(Path.Combine(output, $"{name}.steps"));
            WriteTensors(Path.Combine(output, $"{name}.rank{rank}.final"), method.state_dict());
        }
    }

    // Each tensor as its name, its length and its values (as doubles).
    private static void WriteTensors(string path, IDictionary<string, Tensor> tensors)
    {
        using var writer = new BinaryWriter(File.Create(path));
        foreach (var (name, tensor) in tensors)
        {
            var values = tensor.to(float64).flatten().data<double>().ToArray();
            writer.Write(name);
            writer.Write(values.Length);
            foreach (var value in values)
                writer.Write(value);
        }
    }

    /// <summary>Each step's loss and the averaged gradient of every trained parameter, as text lines.</summary>
    private sealed class StepRecorder(SelfSupervisedMethod method) : ITrainingObserver
    {
        private readonly List<string> _lines = [];

        public void OnStep(long step, int epoch, float loss, int images, double learningRate)
        {
            var gradients = method.parameters().Where(p => p.grad is not null).SelectMany(p => p.grad!.to(float64).flatten().data<double>().ToArray());
            _lines.Add($"{step} {images} {loss:R} {string.Join(' ', gradients.Select(g => g.ToString("R")))}");
        }

        public void Write(string path) => File.WriteAllLines(path, _lines);
    }
}
