using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using SelfishGen.Data;

namespace SelfishGen.Cli.Commands;

/// <summary><c>selfish eval</c>: kNN and linear-probe accuracy of a checkpoint's encoder, next to random init and raw pixels.</summary>
public sealed class EvalCommand : Command<EvalCommand.Settings>
{
    /// <summary>Options of <c>selfish eval</c>.</summary>
    public sealed class Settings : DataSettings
    {
        [CommandOption("-s|--store <NAME>")]
        [Description("Checkpoint name: store/RotateNet reads store/RotateNet.ckpt (where 'selfish train' saves RotateNet).")]
        [DefaultValue("store/RotateNet")]
        public string Store { get; init; } = "store/RotateNet";
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        settings.ApplyThreads();
        var method = SelfSupervisedMethod.Restore(settings.Store);
        var data = settings.OpenData();
        SkippedFilesReport.Print(data, settings.Store + ".eval-skipped.txt");
        if (data.ClassNames.Count == 0)
            throw new ArgumentException($"'{settings.DataPath}' is unlabelled: evaluation needs class sub-folders (or labelled IDX files).");
        if (data.Shape != method.Data.Shape)
            throw new ArgumentException(
                $"'{settings.DataPath}' has images of {data.Shape}, but {settings.Store} was trained on {method.Data.Shape}: pass --image-size {method.Data.Shape.Height}.");
        var (train, test) = settings.Splits(data);
        var randomInit = MethodRegistry.Get(method.GetName()).Instantiate(method.Data, method.Hyperparameters, method.State.Seed);
        AnsiConsole.MarkupLine($"[green]Evaluate {method.GetName()}[/] from {Markup.Escape(settings.Store)} (step {method.State.Step})");
        EncoderReport.Print(method.GetBackbone(), randomInit.GetBackbone(), train, test, settings.Store, settings.BaselineCache);
        return 0;
    }
}
