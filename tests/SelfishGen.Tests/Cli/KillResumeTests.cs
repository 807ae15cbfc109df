using System.Diagnostics;
using SelfishGen.Cli;
using SelfishGen.Tests.Data;

namespace SelfishGen.Tests.Cli;

/// <summary>
/// The real thing, with processes: <c>selfish train</c> killed with SIGKILL at a random step, then resumed with
/// <c>--resume</c>, ends with the same checkpoint, byte for byte, as the same run never interrupted, and every step's
/// loss is the same in both runs.
/// </summary>
public sealed class KillResumeTests : IDisposable
{
    private static readonly string Selfish = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "selfish.exe" : "selfish");
    private const int Images = 480;
    private readonly TempFolder _folder = new();

    // 480 small images of different colours: 15 batches of 32 an epoch.
    public KillResumeTests()
    {
        for (var i = 0; i < Images; i++)
            TestImages.Save(_folder.File("images", $"{i}.png"), new SixLabors.ImageSharp.PixelFormats.Rgb24((byte)i, (byte)(7 * i), (byte)(13 * i)), 16, 16);
    }

    public void Dispose() => _folder.Dispose();

    private string[] Train(string store) =>
    [
        "train", "--data", Path.Combine(_folder.Path, "images"), "--epochs", "2", "--batch-size", "32", "--set", "Hidden=16", "--no-eval",
        "--threads", "1", "--seed", "3", "--checkpoint-every", "3", "--store", Path.Combine(_folder.Path, store),
        "--log-steps", Path.Combine(_folder.Path, store + ".csv"),
    ];

    [Fact]
    public void A_run_killed_at_a_random_step_and_resumed_ends_as_an_uninterrupted_one()
    {
        Assert.Equal(0, Run(Train("straight")));
        var straight = Losses("straight");
        Assert.Equal(30, straight.Count); // 2 epochs of 15 batches of 32

        var killAfter = new Random().Next(4, straight.Count - 2);
        using (var killed = Start(Train("killed")))
        {
            while (!killed.HasExited && LoggedSteps("killed") < killAfter)
                Thread.Sleep(20);
            Assert.False(killed.HasExited, "the run ended before it could be killed");
            killed.Kill(); // SIGKILL: no handler runs, nothing is written on the way out
            killed.WaitForExit();
        }
        var checkpointed = File.Exists(Path.Combine(_folder.Path, "killed.ckpt"));
        Assert.True(checkpointed, $"no checkpoint after {killAfter} steps with one every 3");
        Assert.Equal(0, Run([.. Train("killed"), "--resume"]));

        Assert.Equal(straight, Losses("killed"));
        Assert.True(File.ReadAllBytes(Path.Combine(_folder.Path, "straight.ckpt")).SequenceEqual(File.ReadAllBytes(Path.Combine(_folder.Path, "killed.ckpt"))),
            $"killed after {killAfter} steps: the final checkpoints differ");
    }

    [Fact]
    public void SIGTERM_stops_after_the_current_step_with_a_checkpoint_of_it()
    {
        using var run = Start(Train("stopped"));
        while (!run.HasExited && LoggedSteps("stopped") < 4)
            Thread.Sleep(20);
        Signal(run, "TERM");
        run.WaitForExit();

        Assert.Equal(128 + 15, run.ExitCode);
        var checkpoint = SelfSupervisedMethod.Restore(Path.Combine(_folder.Path, "stopped"));
        Assert.Equal(LoggedSteps("stopped"), checkpoint.State.Step);
    }

    // Sends a signal with the system's kill command (the test runs where SIGTERM exists).
    private static void Signal(Process process, string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, process.Id.ToString()]);
        kill.WaitForExit();
    }

    private static Process Start(string[] args)
    {
        var start = new ProcessStartInfo(Selfish) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static int Run(string[] args)
    {
        using var process = Start(args);
        process.WaitForExit();
        return process.ExitCode;
    }

    private int LoggedSteps(string store)
    {
        try
        {
            using var stream = new FileStream(Path.Combine(_folder.Path, store + ".csv"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return new StreamReader(stream).ReadToEnd().Count(c => c == '\n') - 1;
        }
        catch (FileNotFoundException)
        {
            return 0;
        }
    }

    // The loss of each step; a step redone after the kill counts with its last line, and must have logged the same loss before.
    private Dictionary<long, string> Losses(string store)
    {
        var losses = new Dictionary<long, string>();
        foreach (var line in File.ReadLines(Path.Combine(_folder.Path, store + ".csv")).Skip(1))
        {
            var fields = line.Split(',');
            var step = long.Parse(fields[0]);
            if (losses.TryGetValue(step, out var before))
                Assert.Equal(before, fields[2]);
            losses[step] = fields[2];
        }
        Assert.Equal(StepLog.Header, File.ReadLines(Path.Combine(_folder.Path, store + ".csv")).First());
        return losses;
    }
}
