using SelfishGen.Data;

namespace SelfishGen.Cli.Benchmarks;

/// <summary>
/// Measures one method on one backbone: ours and the PyTorch reference take turns, round after round, from the same
/// initial weights on the same input batches, so that machine load hits both alike.
/// </summary>
public sealed class SpeedMeasurement(int warmupSteps, int steps, int rounds, int threads, double learningRate, PyTorchReference? reference, string workFolder)
{
    /// <summary>Input batches per run; steps cycle through them.</summary>
    private const int Batches = 4;

    /// <summary>
    /// Measures <paramref name="spec"/> on <paramref name="speedCase"/>, next to PyTorch when the method has a reference
    /// (<see cref="PyTorchReference.Implements"/>); <paramref name="log"/> gets one line per round.
    /// </summary>
    public SpeedResult Measure(MethodSpec spec, SpeedCase speedCase, int seed, Action<string> log)
    {
        var folder = Path.Combine(workFolder, $"{spec.Name}-{speedCase.Backbone}-{Guid.NewGuid():N}");
        var data = new DatasetInfo(speedCase.Shape, Batches * speedCase.BatchSize);
        using var method = spec.Descriptor.Instantiate(data, spec.Options(speedCase.Backbone), seed);
        torch.manual_seed(seed);
        using var inputs = torch.rand(speedCase.Shape.WithBatch(data.Count));
        var total = warmupSteps + steps;
        string? manifest = null;
        var ours = new List<double>();
        var augmentation = new List<double>();
        var referenceSeconds = new List<double>();
        double? oursFirstLoss = null, referenceFirstLoss = null;
        try
        {
            if (reference is not null && PyTorchReference.Implements(spec.Name))
            {
                using var views = StepViews.Draw(method, inputs, speedCase.BatchSize, total, seed);
                manifest = ReferenceExport.Write(folder, method, spec, speedCase, inputs, views, total, learningRate, threads);
            }
            for (var round = 0; round < rounds; round++)
            {
                var run = OurTrainingSteps.Run(method, inputs, speedCase.BatchSize, total, learningRate, seed, Path.Combine(folder, "store"));
                oursFirstLoss ??= run.Losses[0];
                ours.AddRange(run.Seconds.Skip(warmupSteps));
                var line = $"  round {round + 1}: ours {1000 * Statistics.Median(run.Seconds.Skip(warmupSteps)):F0} ms/step";
                // Timed after our run, whose allocations the drawing then reuses as inside a step.
                using (var views = StepViews.Draw(method, inputs, speedCase.BatchSize, total, seed))
                {
                    if (views is not null)
                    {
                        augmentation.AddRange(views.Seconds.Skip(warmupSteps));
                        line += $" (drawing its views alone {1000 * Statistics.Median(views.Seconds.Skip(warmupSteps)):F0})";
                    }
                }
                if (manifest is not null)
                {
                    var python = reference!.Run(manifest);
                    referenceFirstLoss ??= python.Losses[0];
                    referenceSeconds.AddRange(python.Seconds.Skip(warmupSteps));
                    line += $", PyTorch {1000 * Statistics.Median(python.Seconds.Skip(warmupSteps)):F0} ms/step";
                }
                log(line + $" (load {MachineLoad.Now()})");
            }
        }
        finally
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
        return new SpeedResult(
            spec.Label, speedCase.Backbone.ToString(), speedCase.Shape.ToString(), speedCase.BatchSize,
            Statistics.Median(ours), referenceSeconds.Count > 0 ? Statistics.Median(referenceSeconds) : null,
            augmentation.Count > 0 ? Statistics.Median(augmentation) : null,
            PyTorchReference.Implements(spec.Name),
            oursFirstLoss!.Value, referenceFirstLoss,
            RoundMedians(ours), RoundMedians(referenceSeconds));

        List<double> RoundMedians(List<double> all) =>
            [.. all.Chunk(steps).Select(chunk => Statistics.Median(chunk))];
    }
}
