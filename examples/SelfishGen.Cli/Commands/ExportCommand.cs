using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using SelfishGen.Interop;

namespace SelfishGen.Cli.Commands;

/// <summary><c>selfish export</c>: a checkpoint's backbone as a PyTorch state-dict file, with torchvision's names.</summary>
public sealed class ExportCommand : Command<ExportCommand.Settings>
{
    /// <summary>Options of <c>selfish export</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        [CommandOption("-s|--store <NAME>")]
        [Description("Checkpoint name: store/RotateNet reads store/RotateNet.ckpt (where 'selfish train' saves RotateNet).")]
        [DefaultValue("store/RotateNet")]
        public string Store { get; init; } = "store/RotateNet";

        [CommandOption("-o|--output <FILE>")]
        [Description("The .pt file to write (torch.load reads it). Default: the checkpoint's name with .backbone.pt, e.g. store/RotateNet.backbone.pt.")]
        public string? Output { get; init; }

        /// <summary>The file written.</summary>
        public string OutputPath => Output ?? CheckpointFile.PathOf(Store)[..^CheckpointFile.Extension.Length] + ".backbone.pt";
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var backbone = SelfSupervisedMethod.Restore(settings.Store).Backbone;
        PyTorchWeights.Export(backbone, settings.OutputPath);
        AnsiConsole.MarkupLine(
            $"Saved the {backbone.GetName()} backbone of {Markup.Escape(settings.Store)} ({backbone.state_dict().Count} tensors, PyTorch names) at [blue]{Markup.Escape(settings.OutputPath)}[/]: load it with torch.load (docs/pytorch.md).");
        return 0;
    }
}
