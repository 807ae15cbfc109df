using System.Buffers.Binary;
using SelfishGen.Data;
using SelfishGen.Modules;
using SelfishGen.Tests.Methods;

namespace SelfishGen.Tests.Training;

/// <summary>
/// A checkpoint that is truncated, corrupt, of another format or of another method is refused with one message that says
/// what is wrong; resuming with other settings is refused naming each difference, unless allowed; a new run never
/// destroys another run's checkpoint.
/// </summary>
public sealed class CheckpointFormatTests : IDisposable
{
    private readonly string _store = Directory.CreateTempSubdirectory("selfish-format-").FullName;

    public void Dispose() => Directory.Delete(_store, recursive: true);

    private string Name(string name = "run") => Path.Combine(_store, name);

    private static SelfSupervisedMethod NewMethod(string method = "RotateNet", int seed = 1) =>
        TinyMethods.Create(method, new RandomPatterns(32), seed);

    private byte[] TrainedCheckpoint()
    {
        NewMethod().Supervise(epochs: 1, batchSize: 16, name: Name());
        return File.ReadAllBytes(CheckpointFile.PathOf(Name()));
    }

    private string LoadError(byte[] content)
    {
        var path = CheckpointFile.PathOf(Name("damaged"));
        File.WriteAllBytes(path, content);
        return Assert.Throws<InvalidDataException>(() => NewMethod().Load(Name("damaged"))).Message;
    }

    [Fact]
    public void A_truncated_checkpoint_is_refused_at_any_length()
    {
        var bytes = TrainedCheckpoint();
        foreach (var length in new[] { 0, 3, 8, 20, 47, 48, 300, bytes.Length / 2, bytes.Length - 1 })
        {
            var message = LoadError(bytes[..length]);
            Assert.Contains("damaged.ckpt' is not a valid checkpoint", message);
            Assert.Contains("truncated", message);
        }
    }

    [Fact]
    public void A_flipped_bit_anywhere_is_refused()
    {
        var bytes = TrainedCheckpoint();
        var random = new Random(5);
        foreach (var position in new[] { 0, 7, 9, 30 }.Concat(Enumerable.Range(0, 12).Select(_ => random.Next(bytes.Length))))
        {
            var damaged = (byte[])bytes.Clone();
            damaged[position] ^= (byte)(1 << random.Next(8));
            Assert.Contains("is not a valid checkpoint", LoadError(damaged));
        }
    }

    [Fact]
    public void Bytes_after_the_last_part_are_refused() =>
        Assert.Contains("unexpected bytes follow", LoadError([.. TrainedCheckpoint(), 0]));

    [Fact]
    public void A_length_larger_than_the_file_is_refused_before_anything_is_allocated()
    {
        var bytes = TrainedCheckpoint();
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(8), long.MaxValue / 2);

        Assert.Contains($"its header declares {long.MaxValue / 2} bytes but", LoadError(bytes));
    }

    [Fact]
    public void A_checkpoint_of_the_first_format_is_refused_naming_the_format()
    {
        var bytes = TrainedCheckpoint();
        bytes[7] = 1;

        Assert.Contains("it is in format 1, written by an earlier SelfishGen", LoadError(bytes));
    }

    [Fact]
    public void A_checkpoint_of_another_method_is_refused_naming_both()
    {
        TrainedCheckpoint();

        var error = Assert.Throws<InvalidDataException>(() => NewMethod("SimCLR").Load(Name()));
        Assert.Contains("holds a RotateNet checkpoint, not SimCLR", error.Message);
        var resume = Assert.Throws<InvalidDataException>(() =>
            NewMethod("SimCLR").Supervise(epochs: 1, batchSize: 16, name: Name(), pretrained: true));
        Assert.Contains("holds a RotateNet checkpoint, not SimCLR", resume.Message);
    }

    [Fact]
    public void Resuming_with_other_settings_names_each_difference_unless_allowed()
    {
        NewMethod().Supervise(lr: 1e-3, epochs: 1, batchSize: 16, name: Name());

        var error = Assert.Throws<InvalidDataException>(() =>
            NewMethod().Supervise(lr: 2e-3, epochs: 2, batchSize: 8, name: Name(), pretrained: true));
        Assert.Contains("learning rate 0.001 → 0.002; epochs 1 → 2; batch size 16 → 8", error.Message);
        Assert.Contains("--allow-changes", error.Message);

        var report = NewMethod().Supervise(lr: 2e-3, epochs: 2, batchSize: 8, name: Name(), pretrained: true, allowChanges: true);
        Assert.Equal(4, report.StepLosses.Count); // the second epoch, in batches of 8
    }

    [Fact]
    public void Resuming_with_other_hyperparameters_names_them()
    {
        NewMethod().Supervise(epochs: 1, batchSize: 16, name: Name());
        var descriptor = MethodRegistry.Get("RotateNet");
        var wider = descriptor.Create(DatasetInfo.Of(new RandomPatterns(32)), OptionOverrides.Apply(descriptor, [new("Hidden", "48")]),
            new ConvNet(new ImageShape(1, 16, 16), width: 8));
        wider.Dataset = new RandomPatterns(32);

        var error = Assert.Throws<InvalidDataException>(() => wider.Supervise(epochs: 2, batchSize: 16, name: Name(), pretrained: true));
        Assert.Contains("Hidden [32] → [48]", error.Message);
    }

    [Fact]
    public void A_fresh_run_keeps_another_runs_checkpoint_as_the_previous_one()
    {
        var first = TrainedCheckpoint();

        NewMethod(seed: 2).Supervise(epochs: 1, batchSize: 16, seed: 9, name: Name());

        Assert.Equal(first, File.ReadAllBytes(CheckpointFile.PreviousPathOf(Name())));
        Assert.NotEqual(first, File.ReadAllBytes(CheckpointFile.PathOf(Name())));
    }

    [Fact]
    public void A_fresh_run_stopped_before_its_first_step_writes_nothing()
    {
        var first = TrainedCheckpoint();
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            NewMethod().Supervise(epochs: 1, batchSize: 16, name: Name(), cancellation: cancel.Token));

        Assert.Equal(first, File.ReadAllBytes(CheckpointFile.PathOf(Name())));
        Assert.False(File.Exists(CheckpointFile.PreviousPathOf(Name())));
    }
}
