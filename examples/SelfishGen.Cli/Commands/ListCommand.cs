using Spectre.Console;
using Spectre.Console.Cli;

namespace SelfishGen.Cli.Commands;

/// <summary><c>selfish list</c>: every registered method with its hyperparameters and their defaults, and its training recipe.</summary>
public sealed class ListCommand : Command<ListCommand.Settings>
{
    /// <summary>No options.</summary>
    public sealed class Settings : CommandSettings;

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        foreach (var method in MethodRegistry.All)
        {
            var table = new Table().Border(TableBorder.Rounded)
                .Title($"[bold]{method.Name}[/] — {Markup.Escape(method.Summary)}")
                .AddColumn("hyperparameter").AddColumn("type").AddColumn("default").AddColumn("meaning");
            foreach (var parameter in method.Hyperparameters)
                table.AddRow(parameter.Name, Markup.Escape(parameter.Type), Markup.Escape(parameter.Default), Markup.Escape(parameter.Description));
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"recipe: {Markup.Escape(method.Recipe.ToString())}");
        }
        return 0;
    }
}
