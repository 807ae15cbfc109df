using SelfishGen.Data;
using SelfishGen.Tests.Data;
using SelfishGen.Tests.Methods;

namespace SelfishGen.Tests.Distributed.Mpi;

/// <summary>
/// A failure on one rank stops every rank, with its message, without a hang: in the middle of a step (the other
/// rank waits in the gradient all-reduce) the run ends at once and nothing is saved; on an unreadable image every
/// rank stops before the same step, rank 0 saves the state reached, and a resumed run continues exactly.
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
    public void An_unreadable_image_stops_every_rank_at_the_same_step_and_the_run_resumes_from_there()
    {
        // Fault.BadImage trains SimCLR on 64 images in batches of 8 with seed 3: break the 7th image of step 5, rank 1's.
        const int failingStep = 5;
        var order = new DataLoader(new RandomPatterns(64), 8, seed: 3).Order(0);
        var image = order[failingStep * 8 + 6];

        Assert.Equal(0, Host("reference", -1, resume: false).ExitCode);
        var (exitCode, output) = Host("bad", image, resume: false);
        Assert.Equal(3, exitCode); // both ranks ended normally, with the shared error
        Assert.Contains($"stopped: image {image} is corrupt", output);
        Assert.Contains($"stopped: Stopped because another rank failed; rank 1 of 2: image {image} is corrupt", output);
        Assert.Equal(0, Host("bad", -1, resume: true).ExitCode);

        var reference = Losses("reference");
        Assert.Equal(16, reference.Length);
        Assert.Equal(reference.Skip(failingStep), Losses("bad"));
    }

    private (int ExitCode, string Output) Host(string store, int image, bool resume) =>
        MpiLauncher.Run(2, MpiLauncher.Host, ["bad-image", _folder.Path, store, image.ToString(), resume.ToString()], Timeout);

    private string[] Losses(string store) => File.ReadAllText(Path.Combine(_folder.Path, $"{store}.losses")).Split(' ');
}
