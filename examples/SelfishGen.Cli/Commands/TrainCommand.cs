using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using System.Diagnostics;
using SelfishGen.Data;
using SelfishGen.Distributed;
using SelfishGen.Evaluation;
using SelfishGen.Hosting;

namespace SelfishGen.Cli.Commands;

/// <summary>
/// <c>selfish train</c>: pre-trains a method, saves it under <c>store/</c>, then evaluates its encoder. Under
/// <c>mpirun -np N</c> every rank trains its part of each batch; rank 0 alone reports, saves and evaluates.
/// </summary>
public sealed class TrainCommand : Command<TrainCommand.Settings>
{
    /// <summary>Options of <c>selfish train</c>.</summary>
    public sealed class Settings : DataSettings
    {
        /// <summary>Why <c>--budget-minutes</c> and <c>--resume</c> do not go together (train and bench quality).</summary>
        public const string BudgetCannotResume = "--budget-minutes cannot be resumed (its length depends on the speed it measures): resume with --epochs.";

        /// <summary>Why <c>--allow-changes</c> needs <c>--resume</c> (train and bench quality).</summary>
        public const string AllowChangesNeedsResume = "--allow-changes goes with --resume.";

        [CommandOption("-m|--method <NAME>")]
        [Description("The method to train (see 'selfish list').")]
        [DefaultValue("RotateNet")]
        public string Method { get; init; } = "RotateNet";

        [CommandOption("-e|--epochs <N>")]
        [Description("Passes over the training images (6: about 1.5 minutes of RotateNet on the bundled sample with 2 cores).")]
        [DefaultValue(6)]
        public int Epochs { get; init; } = 6;

        [CommandOption("--budget-minutes <MINUTES>")]
        [Description("Train for this much wall-clock time instead of --epochs (kNN monitor readings excluded): the run's length is estimated from its pace as it goes, so schedules run to their end. Cannot be resumed.")]
        public double? BudgetMinutes { get; init; }

        [CommandOption("-b|--batch-size <N>")]
        [Description("Images per step (default: the method's recipe, see 'selfish list').")]
        public int? BatchSize { get; init; }

        [CommandOption("--lr <RATE>")]
        [Description("Base learning rate, used as is (default: the method's recipe, scaled with the batch size where it says so).")]
        public double? LearningRate { get; init; }

        [CommandOption("--optimizer <NAME>")]
        [Description("adam, adamw, sgd or lars (default: the method's recipe).")]
        public OptimizerKind? Optimizer { get; init; }

        [CommandOption("--weight-decay <DECAY>")]
        [Description("Weight decay of weights; biases and norms never decay (default: the method's recipe).")]
        public double? WeightDecay { get; init; }

        [CommandOption("--schedule <NAME>")]
        [Description("constant or cosine learning rate after the warm-up (default: the method's recipe).")]
        public LrScheduleKind? Schedule { get; init; }

        [CommandOption("--warmup-epochs <N>")]
        [Description("Epochs of linear learning-rate warm-up, at most a tenth of the run (default: the method's recipe).")]
        public int? WarmupEpochs { get; init; }

        [CommandOption("--lars-trust <ETA>")]
        [Description("LARS's trust coefficient η: each weight moves by about η of its norm per step (default: the method's recipe, the papers' 0.001).")]
        public double? LarsTrust { get; init; }

        [CommandOption("--lars-clip")]
        [Description("Cap LARS's step at plain SGD's, as solo-learn's CIFAR recipes (with --lars-trust 0.02).")]
        public bool LarsClip { get; init; }

        /// <summary>The recipe options given.</summary>
        public RecipeOverrides Recipe => new(LearningRate, Optimizer, BatchSize, WeightDecay, Schedule, WarmupEpochs, LarsTrust, LarsClip);

        [CommandOption("-s|--store <NAME>")]
        [Description("Checkpoint name: store/RotateNet writes store/RotateNet.ckpt. Default: store/<method>. A fresh run keeps a checkpoint of another run found there as <name>.previous.ckpt.")]
        public string? Store { get; init; }

        [CommandOption("--resume")]
        [Description("Continue from the checkpoint --store (weights, optimizer, position); the settings must be those it was trained with.")]
        public bool Resume { get; init; }

        [CommandOption("--allow-changes")]
        [Description("With --resume: continue even though settings, hyperparameters or data differ from the checkpoint's.")]
        public bool AllowChanges { get; init; }

        [CommandOption("--checkpoint-every <INTERVAL>")]
        [Description("Write a checkpoint every N steps (500), every so much time (90s, 10m, 2h), or only at the end ('end').")]
        [DefaultValue("5m")]
        public string CheckpointEvery { get; init; } = "5m";

        [CommandOption("--skip-non-finite")]
        [Description("Skip a step whose loss or gradient is NaN or infinite (counted and reported) instead of stopping.")]
        public bool SkipNonFinite { get; init; }

        [CommandOption("--log-steps <FILE>")]
        [Description("Append one CSV line per step (step, epoch, loss, learning rate, resident memory) to this file.")]
        public string? LogSteps { get; init; }

        [CommandOption("--device <DEVICE>")]
        [Description("cpu, cuda, cuda:N or auto.")]
        [DefaultValue("auto")]
        public string Device { get; init; } = "auto";

        [CommandOption("--precision <NAME>")]
        [Description("fp32, or mixed precision: bf16 (a CPU with AVX-512 BF16 or AMX, or CUDA), fp16 (CUDA). Backbone convolutions compute in it; weights, heads and losses stay float32.")]
        [DefaultValue("fp32")]
        public string Precision { get; init; } = "fp32";

        [CommandOption("--workers <N>")]
        [Description("Extra batches prepared ahead while a step trains.")]
        [DefaultValue(1)]
        public int Workers { get; init; } = 1;

        [CommandOption("--set <NAME=VALUE>")]
        [Description("Set a hyperparameter, e.g. --set LabelSmoothing=0.1 (repeatable).")]
        public string[] Set { get; init; } = [];

        [CommandOption("--sync-bn")]
        [Description("Under mpirun: normalise batch-norm layers with the statistics of the whole batch (all ranks), as one process would.")]
        public bool SyncBatchNorm { get; init; }

        [CommandOption("--init-from <FILE>")]
        [Description("Start the backbone from a PyTorch state dict (torch.save(model.state_dict()); torchvision's names for ResNet-18 and EfficientNet-B0, see docs/pytorch.md).")]
        public string? InitFrom { get; init; }

        [CommandOption("--init-partial")]
        [Description("With --init-from: load the tensors that match by name and shape and report the rest, instead of refusing a file that does not fit exactly.")]
        public bool InitPartial { get; init; }

        [CommandOption("--monitor-every <N>")]
        [Description("Every N steps, measure the kNN accuracy of the encoder on held-out images (0: off).")]
        [DefaultValue(0)]
        public int MonitorEvery { get; init; }

        [CommandOption("--monitor-bank <N>")]
        [Description("Labelled training images whose features form the monitor's kNN bank.")]
        [DefaultValue(RunMonitor.DefaultBank)]
        public int MonitorBank { get; init; } = RunMonitor.DefaultBank;

        [CommandOption("--monitor-queries <N>")]
        [Description("Held-out images the monitor classifies.")]
        [DefaultValue(RunMonitor.DefaultQueries)]
        public int MonitorQueries { get; init; } = RunMonitor.DefaultQueries;

        [CommandOption("--monitor-k <K>")]
        [Description("Neighbours that vote in the monitor's kNN: 200, the evaluation's k, reads well below the evaluation on a bank as small as the default (docs/benchmarks.md, Findings).")]
        [DefaultValue(KnnMonitor.DefaultK)]
        public int MonitorK { get; init; } = KnnMonitor.DefaultK;

        [CommandOption("--no-eval")]
        [Description("Skip the kNN / linear evaluation after training.")]
        public bool NoEval { get; init; }

        /// <inheritdoc />
        public override ValidationResult Validate() =>
            Epochs < 1 ? ValidationResult.Error("--epochs must be at least 1.")
            : BudgetMinutes is <= 0 ? ValidationResult.Error("--budget-minutes must be positive.")
            : BudgetMinutes is not null && Resume ? ValidationResult.Error(BudgetCannotResume)
            : Recipe.Problem is { } problem ? ValidationResult.Error(problem)
            : Workers < 0 ? ValidationResult.Error("--workers must be 0 or more.")
            : InitFrom is not null && Resume ? ValidationResult.Error("--init-from starts a new run and --resume continues one: pass only one of them.")
            : InitPartial && InitFrom is null ? ValidationResult.Error("--init-partial needs --init-from <FILE>.")
            : MonitorEvery < 0 ? ValidationResult.Error("--monitor-every must be 0 (off) or more.")
            : MonitorBank < 1 || MonitorQueries < 1 ? ValidationResult.Error("--monitor-bank and --monitor-queries must be at least 1.")
            : MonitorK < 1 ? ValidationResult.Error("--monitor-k must be at least 1.")
            : AllowChanges && !Resume ? ValidationResult.Error(AllowChangesNeedsResume)
            : base.Validate();
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        OpenMpWaiting.SpinBriefly();
        NativeAllocator.KeepFreedMemory();
        settings.ApplyThreads();
        var descriptor = MethodRegistry.Get(settings.Method);
        var options = OptionOverrides.Apply(descriptor, settings.Set.Select(OptionOverrides.ParsePair));
        var checkpointEvery = CheckpointInterval.Parse(settings.CheckpointEvery);
        var device = Devices.Parse(settings.Device);
        var precision = MixedPrecision.Parse(settings.Precision);
        MixedPrecision.LowPrecisionType(precision, device); // refuses what this device cannot run before any work
        var data = settings.OpenData();
        var store = settings.Store ?? CheckpointFile.DefaultName(descriptor.Name);
        if (settings.MonitorEvery > 0 && data.ClassNames.Count == 0)
            throw new ArgumentException($"'{settings.DataPath}' is unlabelled: --monitor-every needs class sub-folders (or labelled IDX files).");
        (IImageDataset train, IImageDataset? test) = (data, null);
        if (data.ClassNames.Count > 0 && (!settings.NoEval || settings.MonitorEvery > 0))
            (train, test) = settings.Splits(data);

        var world = new CommunicationClock(Communicators.FromEnvironment());
        var leader = world.Rank == 0;
        if (leader)
        {
            SkippedFilesReport.Print(data, store + ".skipped.txt");
            AnsiConsole.MarkupLine($"[green]Train with {descriptor.Name}[/] on {Markup.Escape(settings.DataPath)}: {train.Count} images of {train.Shape}, device {device}" +
                                   (world.Size > 1 ? $", {world.Size} ranks" : "") + $", {settings.Precision}, checkpoints to {Markup.Escape(store)} {checkpointEvery}");
        }
        var method = settings.InitFrom is { } weights
            ? InitialWeights.Instantiate(descriptor, DatasetInfo.Of(train), options, settings.Seed, weights, strict: !settings.InitPartial)
            : descriptor.Instantiate(DatasetInfo.Of(train), options, settings.Seed);
        method.Dataset = train;
        using var log = leader && settings.LogSteps is { } logPath ? new StepLog(logPath, method as AdversarialMethod) : null;
        var recipe = settings.Recipe.ApplyTo(descriptor.Recipe);
        if (leader)
            AnsiConsole.MarkupLine($"Recipe: {Markup.Escape(recipe.ToString())}");
        var monitor = !leader || test is null || settings.MonitorEvery == 0 ? null : Monitor(method, train, test, settings);
        TrainingReport Train(ITrainingObserver? progress, CancellationToken token) => method.Supervise(
            epochs: settings.BudgetMinutes is null ? settings.Epochs : TrainingBudget.UnboundedEpochs,
            numWorkers: settings.Workers,
            name: store,
            pretrained: settings.Resume,
            seed: settings.Seed,
            device: device,
            precision: precision,
            checkpointEvery: checkpointEvery,
            onNonFinite: settings.SkipNonFinite ? NonFiniteSteps.Skip : NonFiniteSteps.Stop,
            allowChanges: settings.AllowChanges,
            observer: progress is null ? null : world.RestartingOnStart(log is null ? progress : TrainingObservers.Combine(progress, log)),
            cancellation: token,
            recipe: recipe,
            communicator: world,
            syncBatchNorm: settings.SyncBatchNorm,
            budget: settings.BudgetMinutes is { } minutes ? new TrainingBudget(TimeSpan.FromMinutes(minutes), () => monitor?.Elapsed ?? TimeSpan.Zero) : null);
        if (!leader)
        {
            Train(null, cancellation);
            return 0;
        }
        var clock = Stopwatch.StartNew();
        var report = TrainingProgress.Run(method, Train, cancellation, monitor);
        var seconds = clock.Elapsed.TotalSeconds;
        AnsiConsole.MarkupLine($"Trained {report.StepLosses.Count} steps at {report.ImagesPerSecond:F0} images/s.");
        if (world.Size > 1)
            AnsiConsole.MarkupLine($"Rank 0 spent {world.Elapsed.TotalSeconds:F1} s of {report.Elapsed.TotalSeconds:F1} s " +
                                   $"({100 * world.Elapsed / report.Elapsed:F0} %) in {world.Calls} collectives (moving data and waiting for the other ranks).");
        if (report.SkippedSteps.Count > 0)
            AnsiConsole.MarkupLine($"[yellow]Skipped {report.SkippedSteps.Count} step(s) with a non-finite loss or gradient:[/] {string.Join(", ", report.SkippedSteps)}");
        SaveRun(new TrainingRun(
            descriptor.Name, settings.DataPath, train.Count, method.State.Seed, method.State.Step - report.StepLosses.Count, seconds, report.ImagesPerSecond,
            report.StepLosses, report.EpochLosses, monitor is null ? null : MonitorLog.Of(monitor, seconds)), store);

        if (test is not null && !settings.NoEval)
            EncoderReport.Print(method.GetBackbone(), descriptor.Instantiate(method.Data, options, settings.Seed).GetBackbone(), train, test, store, settings.BaselineCache);
        return 0;
    }

    private static KnnMonitor Monitor(SelfSupervisedMethod method, IImageDataset train, IImageDataset test, Settings settings)
    {
        var monitor = RunMonitor.Create(method, train, test, settings.MonitorEvery, settings.Seed, settings.MonitorBank, settings.MonitorQueries, settings.MonitorK);
        AnsiConsole.MarkupLine(RunMonitor.Describe(monitor));
        return monitor;
    }

    private static void SaveRun(TrainingRun run, string store)
    {
        var json = TrainingRun.PathOf(store, ".train.json");
        var png = TrainingRun.PathOf(store, ".train.png");
        run.Save(json);
        TrainingPlot.Save(run, png);
        if (run.Monitor is { } monitor)
            AnsiConsole.MarkupLine(
                $"kNN monitor: {monitor.Points.Count} readings took {monitor.Seconds:F1} s, {100 * monitor.ShareOfRun:F1} % of the run's {run.Seconds:F1} s.");
        AnsiConsole.MarkupLine($"Losses{(run.Monitor is null ? "" : " and kNN readings")} saved at [blue]{Markup.Escape(json)}[/] and [blue]{Markup.Escape(png)}[/].");
    }
}
