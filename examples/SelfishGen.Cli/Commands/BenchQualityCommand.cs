using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using SelfishGen.Cli.Benchmarks;
using SelfishGen.Evaluation;
using SelfishGen.Modules;

namespace SelfishGen.Cli.Commands;

/// <summary>
/// <c>selfish bench quality</c>: pre-trains each method with the same backbone, batch size and budget, evaluates each
/// encoder by kNN and a linear probe next to random init and raw pixels, and writes a table, JSON and PNG plots.
/// </summary>
public sealed class BenchQualityCommand : Command<BenchQualityCommand.Settings>
{
    /// <summary>Options of <c>selfish bench quality</c>.</summary>
    public sealed class Settings : BenchSettings
    {
        [CommandOption("-d|--data <DATA>")]
        [Description("fashion-mnist ($SELFISH_FASHION_MNIST, else Debian's dataset-fashion-mnist), cifar10 (see --cifar10), a .tar.gz of CIFAR-10 JPEGs, a folder with train/ and test/, or any labelled folder (split 80/20).")]
        [DefaultValue("fashion-mnist")]
        public string Data { get; init; } = "fashion-mnist";

        [CommandOption("--cifar10 <PATH>")]
        [Description("The CIFAR-10 JPEG archive (extracted once to ~/.cache/selfishgen/cifar10) or an extracted folder with train/ and test/. Default: $SELFISH_CIFAR10, else dataset/cifar10, else dataset/cifar10-jpeg.tar.gz.")]
        public string? Cifar10 { get; init; }

        [CommandOption("--backbone <KIND>")]
        [Description("auto, convnet, resnet18 or efficientnetb0: the same for every method.")]
        [DefaultValue(BackboneKind.Auto)]
        public BackboneKind Backbone { get; init; } = BackboneKind.Auto;

        [CommandOption("--image-size <PIXELS>")]
        public int? ImageSize { get; init; }

        [CommandOption("-b|--batch-size <N>")]
        [Description("Images per step for every method (default: each method's recipe, see 'selfish list').")]
        public int? BatchSize { get; init; }

        [CommandOption("--lr <RATE>")]
        [Description("Base learning rate for every method, used as is (default: each method's recipe).")]
        public double? LearningRate { get; init; }

        [CommandOption("--optimizer <NAME>")]
        [Description("adam, adamw, sgd or lars for every method (default: each method's recipe).")]
        public OptimizerKind? Optimizer { get; init; }

        [CommandOption("--weight-decay <DECAY>")]
        [Description("Weight decay of weights for every method (default: each method's recipe).")]
        public double? WeightDecay { get; init; }

        [CommandOption("--schedule <NAME>")]
        [Description("constant or cosine learning rate after the warm-up (default: each method's recipe).")]
        public LrScheduleKind? Schedule { get; init; }

        [CommandOption("--warmup-epochs <N>")]
        [Description("Epochs of linear learning-rate warm-up, at most a tenth of the run (default: each method's recipe).")]
        public int? WarmupEpochs { get; init; }

        [CommandOption("--lars-trust <ETA>")]
        [Description("LARS's trust coefficient η: each weight moves by about η of its norm per step (default: each method's recipe, the papers' 0.001).")]
        public double? LarsTrust { get; init; }

        [CommandOption("--lars-clip")]
        [Description("Cap LARS's step at plain SGD's, as solo-learn's CIFAR recipes (with --lars-trust 0.02).")]
        public bool LarsClip { get; init; }

        /// <summary>The recipe options given.</summary>
        public RecipeOverrides Recipe => new(LearningRate, Optimizer, BatchSize, WeightDecay, Schedule, WarmupEpochs, LarsTrust, LarsClip);

        [CommandOption("-e|--epochs <N>")]
        [Description("Epochs per method (when no --budget-minutes).")]
        [DefaultValue(1)]
        public int Epochs { get; init; } = 1;

        [CommandOption("--budget-minutes <MINUTES>")]
        [Description("Wall-clock pre-training budget per method, instead of --epochs; schedules follow the run's length estimated from its pace as it goes.")]
        public double? BudgetMinutes { get; init; }

        [CommandOption("--eval-train <N>")]
        [Description("Use at most N labelled training images for the kNN bank and linear probe (default: all).")]
        public int? EvalTrain { get; init; }

        [CommandOption("--eval-test <N>")]
        [Description("Measure on at most N test images (default: all).")]
        public int? EvalTest { get; init; }

        [CommandOption("--monitor-every <N>")]
        [Description("Every N steps, measure each encoder's kNN accuracy (k=200) on held-out images and plot it (0: off).")]
        [DefaultValue(0)]
        public int MonitorEvery { get; init; }

        [CommandOption("--seeds <LIST>")]
        [Description("Run each method once per seed, e.g. 0,1,2 (instead of --seed): rows 'MoCo', 'MoCo (seed 1)', ..., each against its own seed's random init, and a table of each method's mean and spread over its seeds. The data's split and evaluation images are drawn with the first seed, so every run is measured on the same images.")]
        public string? Seeds { get; init; }

        /// <summary>The seeds to run each method with: those of <c>--seeds</c>, else <c>--seed</c>'s; null when <c>--seeds</c> does not parse.</summary>
        public IReadOnlyList<int>? SeedList
        {
            get
            {
                if (Seeds is null)
                    return [Seed];
                var seeds = new List<int>();
                foreach (var part in Seeds.Split(',', StringSplitOptions.TrimEntries))
                {
                    if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var seed) || seeds.Contains(seed))
                        return null;
                    seeds.Add(seed);
                }
                return seeds;
            }
        }

        [CommandOption("--baseline-cache <FOLDER>")]
        [Description(UserCache.BaselineCacheHelp)]
        public string? BaselineCache { get; init; }

        /// <inheritdoc />
        [CommandOption("--resume")]
        [Description("Continue each method from its checkpoint in <out>/store when a stopped run left one (same options; not with --budget-minutes); methods without one start afresh.")]
        public bool Resume { get; init; }

        [CommandOption("--allow-changes")]
        [Description("With --resume: continue checkpoints trained with other options, e.g. finished methods given more --epochs (a constant schedule then continues as one longer run; a cosine one follows the new length from where it is).")]
        public bool AllowChanges { get; init; }

        protected override IReadOnlyList<MethodSpec> DefaultSpecs() => MethodSpec.AllRegistered();

        /// <inheritdoc />
        public override ValidationResult Validate() =>
            Recipe.Problem is { } problem ? ValidationResult.Error(problem)
            : Epochs < 1 ? ValidationResult.Error("--epochs must be at least 1.")
            : BudgetMinutes is <= 0 ? ValidationResult.Error("--budget-minutes must be positive.")
            : BudgetMinutes is not null && Resume ? ValidationResult.Error(TrainCommand.Settings.BudgetCannotResume)
            : EvalTrain is < 1 || EvalTest is < 1 ? ValidationResult.Error("--eval-train and --eval-test must be at least 1.")
            : MonitorEvery < 0 ? ValidationResult.Error("--monitor-every must be 0 (off) or more.")
            : AllowChanges && !Resume ? ValidationResult.Error(TrainCommand.Settings.AllowChangesNeedsResume)
            : SeedList is null ? ValidationResult.Error($"--seeds takes distinct whole numbers separated by commas, e.g. 0,1,2 (got '{Seeds}').")
            : Seeds is not null && Seed != 0 ? ValidationResult.Error("Give either --seed or --seeds: --seeds 0,1,2 runs each method with each of its seeds.")
            : base.Validate();
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        settings.PrepareTorch();
        var threads = settings.ThreadCount;
        var specs = settings.Specs();
        var seeds = settings.SeedList!;
        var data = LabelledSplits.Open(settings.Data, settings.Cifar10, settings.ImageSize, seeds[0]);
        var evalTrain = LabelledSplits.Limit(data.Train, settings.EvalTrain, seeds[0]);
        var evalTest = LabelledSplits.Limit(data.Test, settings.EvalTest, seeds[0]);
        var run = new QualityRun(settings.Backbone, settings.Recipe, settings.Epochs,
            settings.BudgetMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : null, seeds[0], Path.Combine(settings.Out, "store"),
            settings.MonitorEvery, settings.Resume, settings.AllowChanges);
        AnsiConsole.MarkupLine($"{Markup.Escape(data.Name)}: {data.Train.Count} training and {data.Test.Count} test images of {data.Train.Shape}; budget {run.BudgetText} per method{(seeds.Count > 1 ? $" and seed, seeds {string.Join(", ", seeds)}" : "")}; {threads} threads; load average {MachineLoad.Now()}");

        Directory.CreateDirectory(settings.Out);
        var results = new List<QualityResult>();
        var skipped = new List<string>();
        var baselines = new BaselineRowCache(UserCache.BaselineFolder(settings.BaselineCache));
        QualityReport Report() =>
            new(data.Name, data.Train.Count, evalTrain.Count, evalTest.Count, settings.BatchSize, threads, MachineLoad.Now(), results, skipped);
        foreach (var spec in specs)
        {
            foreach (var seed in seeds)
            {
                var label = QualityResult.LabelOf(spec.Label, seed);
                AnsiConsole.MarkupLine($"[green]{Markup.Escape(label)}[/]: pre-training...");
                QualityRun.Outcome outcome;
                var reusedBefore = baselines.Reused;
                try
                {
                    outcome = (run with { Seed = seed }).Run(spec, data, evalTrain, evalTest, TrainingProgress.Lines(run.Budget is null ? null : run.BudgetText), cancellation, baselines);
                }
                catch (ArgumentException error)
                {
                    // e.g. a colour method on grayscale data: the other methods still run, its other seeds would be refused too
                    AnsiConsole.MarkupLine($"[yellow]skipped[/]: {Markup.Escape(error.Message)}");
                    skipped.Add($"{spec.Label}: {error.Message}");
                    break;
                }
                var (result, points, labels) = outcome;
                AnsiConsole.MarkupLine($"{result.Steps} steps at {result.ImagesPerSecond:F0} images/s{Cpu(result.CpuSeconds)} ({Markup.Escape(result.Recipe)}); evaluated in {result.EvaluationSeconds:F0} s{Reused(baselines.Reused - reusedBefore)}:");
                AnsiConsole.Write(new Text(result.Evaluation.ToTable()));
                QualityPlots.Embedding(label, points, labels, data.Train.ClassNames, Path.Combine(settings.Out, $"embedding-{FileName(label)}.png"));
                results.Add(result);
                Report().Save(settings.Out); // a run stopped later keeps the rows it has finished
            }
        }
        if (results.Count == 0)
        {
            // nothing to report: an earlier run's report in the folder stays as it is
            AnsiConsole.MarkupLine($"[red]error[/]: every method was skipped (reasons above); no report written to {Markup.Escape(settings.Out)}. `selfish list` shows each method's hyperparameters.");
            return 1;
        }
        var report = Report();
        report.Save(settings.Out);
        QualityPlots.Summary(results, settings.Out);
        AnsiConsole.Write(new Text(report.ToMarkdown()));
        AnsiConsole.MarkupLine($"Saved quality.json, quality.md and PNG plots in [blue]{Markup.Escape(settings.Out)}[/].");
        return 0;
    }

    private static string Cpu(double? seconds) => seconds is { } cpu ? $", {cpu / 60:F1} CPU min" : "";

    private static string Reused(int rows) => rows == 0 ? "" : $" ({rows} baseline row{(rows == 1 ? "" : "s")} reused)";

    private static string FileName(string label) =>
        string.Join('-', label.ToLowerInvariant().Split(label.Where(c => !char.IsLetterOrDigit(c)).Distinct().ToArray(), StringSplitOptions.RemoveEmptyEntries));
}
