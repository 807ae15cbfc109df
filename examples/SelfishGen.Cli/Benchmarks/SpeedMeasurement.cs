using SelfishGen.Data;

namespace SelfishGen.Cli.Benchmarks;

/// <summary>
/// Measures one method on one backbone: ours and the PyTorch reference take turns, round after round, from the same
/// initial weights on the same input batches, so that machine load hits both alike. With a <paramref name="mixed"/>
/// precision, a second copy of our method from the same weights takes its turn in that precision too.
/// </summary>
public sealed class SpeedMeasurement(
    int warmupSteps, int steps, int rounds, int threads, double learningRate, PyTorchReference? reference, string workFolder, Precision mixed = Precision.Float32)
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
        torch.manual_seed(seed);
        using var method = spec.Descriptor.Create(data, spec.Options(speedCase.Backbone), speedCase.CreateBackbone());
        torch.manual_seed(seed);
        using var mixedMethod = mixed == Precision.Float32 ? null : spec.Descriptor.Create(data, spec.Options(speedCase.Backbone), speedCase.CreateBackbone());
        torch.manual_seed(seed);
        using var inputs = torch.rand(speedCase.Shape.WithBatch(data.Count));
        var total = warmupSteps + steps;
        string? manifest = null;
        var ours = new Timings();
        var python = new Timings();
        var mixedTimings = new Timings();
        var augmentation = new List<double>();
        var pretext = new List<double>();
        IReadOnlyList<double>? oursLosses = null, referenceLosses = null, mixedLosses = null;
        long? oursMemory = null, referenceMemory = null;
        try
        {
            if (reference is not null && PyTorchReference.Implements(spec.Name))
            {
                using var views = StepViews.Draw(method, inputs, speedCase.BatchSize, total, seed);
                manifest = ReferenceExport.Write(folder, method, spec, speedCase, inputs, views, total,
                    OurTrainingSteps.PlannedSteps(total, Batches), learningRate, threads);
            }
            for (var round = 0; round < rounds; round++)
            {
                var run = OurTrainingSteps.Run(method, inputs, speedCase.BatchSize, total, learningRate, seed, Path.Combine(folder, "store"));
                if (oursLosses is null)
                {
                    oursLosses = [.. run.Losses.Select(loss => (double)loss)];
                    oursMemory = run.PeakMemoryRise;
                }
                var line = $"  round {round + 1}: ours {ours.Add(run.Seconds, run.CpuSeconds, warmupSteps)}";
                if (mixedMethod is not null)
                {
                    var mixedRun = OurTrainingSteps.Run(mixedMethod, inputs, speedCase.BatchSize, total, learningRate, seed, Path.Combine(folder, "mixed"), mixed);
                    mixedLosses ??= [.. mixedRun.Losses.Select(loss => (double)loss)];
                    line += $", ours in {mixed} {mixedTimings.Add(mixedRun.Seconds, mixedRun.CpuSeconds, warmupSteps)}";
                }
                // Timed after our run, whose allocations the drawing then reuses as inside a step.
                using (var views = StepViews.Draw(method, inputs, speedCase.BatchSize, total, seed))
                {
                    if (views is not null)
                    {
                        augmentation.AddRange(views.Seconds.Skip(warmupSteps));
                        line += $" (drawing its views alone {1000 * Statistics.Median(views.Seconds.Skip(warmupSteps)):F0})";
                    }
                }
                if (PretextInputs.Time(method, inputs, speedCase.BatchSize, total, seed) is { } made)
                {
                    pretext.AddRange(made.Skip(warmupSteps));
                    line += $" (making its pretext inputs alone {1000 * Statistics.Median(made.Skip(warmupSteps)):F0})";
                }
                if (manifest is not null)
                {
                    var result = reference!.Run(manifest);
                    if (referenceLosses is null)
                    {
                        referenceLosses = result.Losses;
                        referenceMemory = result.PeakMemoryRise;
                    }
                    line += $", PyTorch {python.Add(result.Seconds, result.CpuSeconds, warmupSteps)}";
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
            Statistics.Median(ours.Wall), python.Wall.Count > 0 ? Statistics.Median(python.Wall) : null,
            Statistics.Median(ours.Cpu), python.Cpu.Count > 0 ? Statistics.Median(python.Cpu) : null,
            augmentation.Count > 0 ? Statistics.Median(augmentation) : null,
            PyTorchReference.Implements(spec.Name),
            oursLosses!, referenceLosses ?? [],
            ours.RoundMedians, python.RoundMedians, MachineLoad.Now(),
            mixedLosses is null ? null : new MixedPrecisionTiming(mixed.ToString(), Statistics.Median(mixedTimings.Wall), Statistics.Median(mixedTimings.Cpu),
                mixedLosses, mixedTimings.RoundMedians),
            pretext.Count > 0 ? Statistics.Median(pretext) : null,
            oursMemory, referenceMemory);
    }

    /// <summary>The measured steps of one side, over all rounds.</summary>
    private sealed class Timings
    {
        public List<double> Wall { get; } = [];

        public List<double> Cpu { get; } = [];

        public List<double> RoundMedians { get; } = [];

        /// <summary>Adds a round's steps after the warm-up; returns the round's medians as text.</summary>
        public string Add(IEnumerable<double> wall, IEnumerable<double> cpu, int warmup)
        {
            var roundWall = wall.Skip(warmup).ToList();
            var roundCpu = cpu.Skip(warmup).ToList();
            Wall.AddRange(roundWall);
            Cpu.AddRange(roundCpu);
            RoundMedians.Add(Statistics.Median(roundWall));
            return $"{1000 * Statistics.Median(roundWall):F0} ms/step (CPU {1000 * Statistics.Median(roundCpu):F0})";
        }
    }
}
