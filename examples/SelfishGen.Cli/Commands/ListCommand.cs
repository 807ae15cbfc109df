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
