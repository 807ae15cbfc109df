using System.Runtime.InteropServices;
using Spectre.Console;

namespace SelfishGen.Cli;

/// <summary>
/// Turns the first Ctrl+C (SIGINT) or SIGTERM (e.g. <c>docker stop</c>, a batch scheduler) into a cancellation: training
/// stops after the current step and writes a checkpoint. A second one stops the process at once.
/// </summary>
public sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly List<PosixSignalRegistration> _registrations = [];
    private int _received;

    /// <summary>Listens for SIGINT and SIGTERM.</summary>
    public StopSignals()
    {
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            try
            {
                _registrations.Add(PosixSignalRegistration.Create(signal, Handle));
            }
            catch (PlatformNotSupportedException)
            {
                // e.g. SIGTERM where the platform has no such signal: Ctrl+C still works
            }
        }
    }

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => _cancel.Token;

    /// <summary>The conventional exit code of a process stopped by the signal received (128 + its number); 130 when none was.</summary>
    public int ExitCode { get; private set; } = 130;

    private void Handle(PosixSignalContext context)
    {
        if (Interlocked.Increment(ref _received) > 1)
            return; // the default action: the process ends now
        context.Cancel = true;
        ExitCode = context.Signal == PosixSignal.SIGTERM ? 143 : 130;
        AnsiConsole.MarkupLine("[yellow]Stopping after this step; a checkpoint is written first (press Ctrl+C again to stop at once).[/]");
        _cancel.Cancel();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var registration in _registrations)
            registration.Dispose();
        _cancel.Dispose();
    }
}
