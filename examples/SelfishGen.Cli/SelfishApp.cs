using Spectre.Console;
using Spectre.Console.Cli;
using SelfishGen.Cli.Commands;
using SelfishGen.Distributed;
using SelfishGen.Evaluation;

namespace SelfishGen.Cli;

/// <summary>The <c>selfish</c> command: wiring of sub-commands, stop signals and exit codes.</summary>
public static class SelfishApp
{
    /// <summary>Exit code of a run that failed (e.g. training diverged).</summary>
    public const int Failed = 1;

    /// <summary>Exit code of invalid arguments or input (including unreadable checkpoints).</summary>
    public const int InvalidArguments = 2;

    /// <summary>Runs the command line <paramref name="args"/>; returns the process exit code.</summary>
    public static int Run(string[] args)
    {
        using var stop = new StopSignals();

        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("selfish");
            config.PropagateExceptions();
            config.UseStrictParsing();
            config.AddCommand<TrainCommand>("train").WithDescription("Pre-train an encoder with a self-supervised method, then evaluate it.");
            config.AddCommand<EvalCommand>("eval").WithDescription("Evaluate a checkpoint's encoder with kNN and a linear probe, next to a random-init encoder.");
            config.AddBranch("bench", bench =>
            {
                bench.SetDescription("Benchmarks: what each method learns on real data, and training speed against PyTorch.");
                bench.AddCommand<BenchQualityCommand>("quality").WithDescription("Pre-train each method on the same budget, then compare kNN and linear-probe accuracy; writes a table, JSON and plots.");
                bench.AddCommand<BenchMergeCommand>("merge").WithDescription("Merge the reports of several 'bench quality' runs into one table and one set of plots.");
                bench.AddCommand<BenchSpeedCommand>("speed").WithDescription("Time each method's training step on each backbone, alternating with the same step in PyTorch.");
            });
            config.AddCommand<ExportCommand>("export").WithDescription("Write a checkpoint's backbone as a PyTorch state dict (torchvision's names for ResNet-18 and EfficientNet-B0).");
            config.AddCommand<ListCommand>("list").WithDescription("List the methods and their hyperparameters with defaults.");
        });
        try
        {
            return app.Run(args, stop.Token);
        }
        catch (CommandAppException error)
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(error.Message)}[/]");
            return Exit(InvalidArguments, error);
        }
        catch (Exception error) when (error is ArgumentException or FileNotFoundException or DirectoryNotFoundException or InvalidDataException or KeyNotFoundException)
        {
            AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(error.Message)}");
            return Exit(InvalidArguments, error);
        }
        catch (Exception error) when (error is TrainingDivergedException or NonFiniteFeaturesException)
        {
            AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(error.Message)}");
            return Exit(Failed, error);
        }
        catch (OperationCanceledException error)
        {
            AnsiConsole.MarkupLine("[yellow]Stopped.[/]");
            return Exit(stop.ExitCode, error);
        }
        catch (Exception error) when (Communicators.StoppedEveryRank(error))
        {
            AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(error.Message)}");
            return Failed;
        }
    }

    // Under mpirun, a rank that stops on an error the other ranks do not share ends them all, as they may wait for it.
    private static int Exit(int code, Exception error)
    {
        if (Communicators.LaunchedRanks() > 1 && !Communicators.StoppedEveryRank(error))
            MpiCommunicator.World().Abort(code);
        return code;
    }
}
