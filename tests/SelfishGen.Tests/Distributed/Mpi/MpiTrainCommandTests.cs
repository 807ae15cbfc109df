using SelfishGen.Tests.Data;

namespace SelfishGen.Tests.Distributed.Mpi;

/// <summary><c>mpirun -np 2 selfish train</c>: trains with both ranks, rank 0 alone reports and saves, and the run resumes.</summary>
public sealed class MpiTrainCommandTests : IDisposable
{
    private const int Images = 128;
    private const int BatchSize = 16;
    private readonly TempFolder _folder = new();

    public MpiTrainCommandTests()
    {
        var labels = Enumerable.Range(0, Images).Select(i => (byte)(i % 10)).ToArray();
        IdxFiles.WritePair(Directory.CreateDirectory(Path.Combine(_folder.Path, "images")).FullName, "train",
            IdxFiles.RandomImages(Images, 28, 28, seed: 1), 28, 28, labels, gzip: false);
    }

    public void Dispose() => _folder.Dispose();

    private string[] Train(int epochs) =>
    [
        "train", "--data", Path.Combine(_folder.Path, "images"), "--method", "SimCLR", "--epochs", epochs.ToString(), "--batch-size", BatchSize.ToString(), "--threads", "1",
        "--set", "ProjectorHidden=32", "--set", "ProjectorOut=16", "--no-eval", "--sync-bn", "--store", Path.Combine(_folder.Path, "simclr"),
    ];

    [MpiFact]
    public void Selfish_train_under_mpirun_trains_once_across_the_ranks_and_resumes()
    {
        var (exitCode, output) = MpiLauncher.Run(2, MpiLauncher.Selfish, Train(epochs: 1), TimeSpan.FromMinutes(5));

        Assert.True(exitCode == 0, output);
        Assert.Single(Lines(output, "Train with SimCLR"));
        Assert.Contains("2 ranks", output);
        Assert.Single(Lines(output, $"Trained {Images / BatchSize} steps")); // batches of all ranks together
        Assert.True(File.Exists(Path.Combine(_folder.Path, "simclr.ckpt")));

        var resumed = MpiLauncher.Run(2, MpiLauncher.Selfish, [.. Train(epochs: 2), "--resume", "--allow-changes"], TimeSpan.FromMinutes(5));
        Assert.True(resumed.ExitCode == 0, resumed.Output);
        Assert.Single(Lines(resumed.Output, $"Trained {Images / BatchSize} steps"));
        Assert.Equal(2 * Images / BatchSize, SelfSupervisedMethod.Restore(Path.Combine(_folder.Path, "simclr")).State.Step);
    }

    private static IEnumerable<string> Lines(string output, string text) =>
        output.Split('\n').Where(line => line.Contains(text, StringComparison.Ordinal));
}
