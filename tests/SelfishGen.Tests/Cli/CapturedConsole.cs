using Spectre.Console;

namespace SelfishGen.Tests.Cli;

/// <summary>Sends what the commands print to a string from now on, as a non-interactive console (as in CI).</summary>
internal sealed class CapturedConsole
{
    private readonly StringWriter _output = new();

    public CapturedConsole() =>
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(_output), Interactive = InteractionSupport.No });

    /// <summary>Everything printed so far.</summary>
    public string Text => _output.ToString();
}
