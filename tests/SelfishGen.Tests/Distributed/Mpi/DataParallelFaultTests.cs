using SelfishGen.Data;
using SelfishGen.Tests.Data;
using SelfishGen.Tests.Methods;

namespace SelfishGen.Tests.Distributed.Mpi;

/// <summary>
/// A failure on one rank stops every rank, with its message, without a hang: in the middle of a step (the other
/// rank waits in the gradient all-reduce) the run ends at once and nothing is saved; a non-finite loss on one rank is
/// skipped, or stops the run, on every rank alike; on an unreadable image every
/// rank stops before the same step, rank 0 saves the state reached, and a resumed run continues exactly; a rank
/// killed outright ends the run, leaves the last periodic checkpoint whole, and the run resumes from it exactly.
/// </summary>
public sealed class DataParallelFaultTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [MpiFact]
    public void An_exception_in_a_step_on_one_rank_ends_every_rank_and_saves_nothing()
    {
        var (exitCode, output) = MpiLauncher.Run(2, MpiLauncher.Host, ["fail-in-step", _folder.Path, "1", "2"], Timeout);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Rank 1 of 2 failed, stopping every rank: System.InvalidOperationException: injected failure on rank 1 in step 2", output);
        Assert.False(File.Exists(Path.Combine(_folder.Path, "failing.ckpt")), "a checkpoint was written after the failure");
    }

    [MpiFact]
    public void A_non_finite_loss_on_one_rank_is_skipped_by_every_rank_or_stops_every_rank()
    {
        var skipped = MpiLauncher.Run(2, MpiLauncher.Host, ["non-finite", _folder.Path, "1", "3", "True"], Timeout);
        Assert.True(skipped.ExitCode == 0, skipped.Output);
        var result = File.ReadAllText(Path.Combine(_folder.Path, "rank0.result"));
        Assert.StartsWith("skipped 3;", result);
        Assert.Equal(result, File.ReadAllText(Path.Combine(_folder.Path, "rank1.result")));

        var (exitCode, output) = MpiLauncher.Run(2, MpiLauncher.Host, ["non-finite", _folder.Path, "1", "3", "False"], Timeout);
        Assert.True(exitCode == 3, output); // every rank stopped with the shared error
        Assert.StartsWith("RotateNet stopped at step 3: the loss is NaN", Stopped(0));
        Assert.Equal(Stopped(0), Stopped(1));
    }

    [MpiFact]
    public void An_unreadable_image_stops_every_rank_at_the_same_step_and_the_run_resumes_from_there()
    {
        // Faults.SimClr trains SimCLR on 64 images in batches of 8 with seed 3: break the 7th image of step 5, rank 1's.
        const int failingStep = 5;
        var image = RankOnesImage(failingStep);

        Assert.Equal(0, Host("reference").ExitCode);
        var (exitCode, output) = Host("bad", image: image);
        Assert.True(exitCode == 3, output); // both ranks ended normally, with the shared error
        Assert.StartsWith($"image {image} is corrupt", Stopped(1));
        Assert.StartsWith($"Stopped because another rank failed; rank 1 of 2: image {image} is corrupt", Stopped(0));
        Assert.Equal(0, Host("bad", resume: true).ExitCode);

        var reference = Losses("reference");
        Assert.Equal(16, reference.Length);
        Assert.Equal(reference.Skip(failingStep), Losses("bad"));
    }

    [MpiFact]
    public void A_rank_killed_mid_run_ends_every_rank_keeps_the_last_checkpoint_and_the_run_resumes_from_it()
    {
        // A checkpoint is written every 8 steps; rank 1 is killed (SIGKILL) loading its part of step 12.
        Assert.Equal(0, Host("reference").ExitCode);

        var (exitCode, output) = Host("killed", image: RankOnesImage(12), kill: true);
        Assert.NotEqual(0, exitCode);
        Assert.Contains("signal 9", output); // mpirun names the killed rank, then ends the others
        var saved = TinyMethods.Create("SimCLR", new RandomPatterns(64));
        saved.Load(Path.Combine(_folder.Path, "killed")); // whole: its checksum holds
        Assert.Equal(8, saved.State.Step);

        Assert.Equal(0, Host("killed", resume: true).ExitCode);
        Assert.Equal(Losses("reference").Skip(8), Losses("killed"));
    }

    // The 7th image of global step `step`'s batch: the 3rd of rank 1's half.
    private static int RankOnesImage(int step) => new DataLoader(new RandomPatterns(64), 8, seed: 3).Order(step / 8)[step % 8 * 8 + 6];

    private (int ExitCode, string Output) Host(string store, bool resume = false, int image = -1, bool kill = false) =>
        MpiLauncher.Run(2, MpiLauncher.Host, ["simclr", _folder.Path, store, image.ToString(), kill.ToString(), resume.ToString()], Timeout);

    // The message with which a rank stopped (the host writes it: mpirun may drop a rank's last output line).
    private string Stopped(int rank) => File.ReadAllText(Path.Combine(_folder.Path, $"rank{rank}.stopped"));

    private string[] Losses(string store) => File.ReadAllText(Path.Combine(_folder.Path, $"{store}.losses")).Split(' ');
}
