using Spectre.Console;
using Spectre.Console.Cli;

namespace SelfishGen.Cli.Commands;

/// <summary><c>selfish list</c>: every registered method with its hyperparameters and their defaults, and its training recipe.</summary>
public sealed class ListCommand : Command<ListCommand.Settings>
{
    /// <summary>Whether to print the names alone.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>One method name per line and nothing else, for scripts.</summary>
        [CommandOption("--names")]
        [System.ComponentModel.Description("Print only the method names, one per line (for scripts).")]
        public bool NamesOnly { get; init; }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        if (settings.NamesOnly)
        {
            foreach (var method in MethodRegistry.All)
                AnsiConsole.WriteLine(method.Name);
            return 0;
        }
        foreach (var method in MethodRegistry.All)
        {
            // A definition list, not a table: a description wraps under its name at any console width.
            AnsiConsole.MarkupLine($"[bold]{method.Name}[/] — {Markup.Escape(method.Summary)}");
            foreach (var parameter in method.Hyperparameters)
            {
                AnsiConsole.Write(new Padder(new Markup($"[bold]{parameter.Name}[/] = {Markup.Escape(parameter.Default)} [dim]({Markup.Escape(parameter.Type)})[/]"), new Spectre.Console.Padding(2, 0, 0, 0)));
                AnsiConsole.Write(new Padder(new Text(parameter.Description), new Spectre.Console.Padding(6, 0, 0, 0)));
            }
            AnsiConsole.MarkupLine($"  recipe: {Markup.Escape(method.Recipe.ToString())}");
            AnsiConsole.WriteLine();
        }
        AnsiConsole.MarkupLine("Change one for a run with [bold]selfish train --set Name=Value[/] (or [bold]Method:Name=Value[/] in [bold]bench quality --methods[/]).");
        return 0;
    }
}
