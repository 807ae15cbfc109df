using System.Globalization;

namespace SelfishGen.Cli;

/// <summary>
/// Appends one CSV line per step to a file: step, epoch, loss (round-trip precision), learning rate, the process's
/// resident memory in MiB and, for an adversarial method, its discriminator's loss (empty for others). Each line is
/// flushed at once, so the file survives a killed process; a resumed run appends, so redone steps appear twice (the
/// later line is the one that counts).
/// </summary>
public sealed class StepLog : ITrainingObserver, IDisposable
{
    /// <summary>The header line.</summary>
    public const string Header = "step,epoch,loss,learning_rate,rss_mib,discriminator_loss";

    private readonly StreamWriter _writer;
    private readonly AdversarialMethod? _adversarial;

    /// <summary>
    /// Opens <paramref name="path"/> for appending (writing the header when it is new); the discriminator's losses are
    /// read from <paramref name="adversarial"/> when it is given.
    /// </summary>
    public StepLog(string path, AdversarialMethod? adversarial = null)
    {
        _adversarial = adversarial;
        var isNew = !File.Exists(path) || new FileInfo(path).Length == 0;
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
            Directory.CreateDirectory(folder);
        _writer = new StreamWriter(path, append: true) { AutoFlush = true };
        if (isNew)
            _writer.WriteLine(Header);
    }

    /// <inheritdoc />
    public void OnStep(long step, int epoch, float loss, int images, double learningRate) =>
        _writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{step},{epoch},{loss:R},{learningRate:R},{Environment.WorkingSet / 1048576.0:F1},{_adversarial?.LastDiscriminatorLoss:R}"));

    /// <inheritdoc />
    public void OnStepSkipped(long step, int epoch) =>
        _writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{step},{epoch},skipped,,,"));

    /// <inheritdoc />
    public void Dispose() => _writer.Dispose();
}
