namespace SelfishGen.Tests.Training;

public sealed class CheckpointIntervalTests : IDisposable
{
    private readonly string _store = Directory.CreateTempSubdirectory("selfish-interval-").FullName;

    public void Dispose() => Directory.Delete(_store, recursive: true);

    [Theory]
    [InlineData("500", "every 500 steps")]
    [InlineData("90s", "every 1.5 min")]
    [InlineData("10m", "every 10 min")]
    [InlineData("2h", "every 120 min")]
    [InlineData("end", "at the end only")]
    public void Steps_times_and_end_are_parsed(string text, string meaning) =>
        Assert.Equal(meaning, CheckpointInterval.Parse(text).ToString());

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("1.5")]
    [InlineData("5x")]
    [InlineData("-3m")]
    public void Anything_else_is_refused_with_the_forms_that_work(string text) =>
        Assert.Contains("500", Assert.Throws<ArgumentException>(() => CheckpointInterval.Parse(text)).Message);

    [Fact]
    public void Checkpoints_are_written_every_n_steps_and_at_the_end()
    {
        manual_seed(1);
        var method = TinyRotateNet.Create(new SyntheticShapes(64, seed: 3));
        var observer = new StepsAtCheckpoints();

        method.Supervise(epochs: 3, batchSize: 16, name: Path.Combine(_store, "run"), checkpointEvery: CheckpointInterval.Every(5), observer: observer);

        Assert.Equal([5L, 10L, 12L], observer.Steps);
    }

    private sealed class StepsAtCheckpoints : ITrainingObserver
    {
        private long _done;

        public List<long> Steps { get; } = [];

        public void OnStep(long step, int epoch, float loss, int images, double learningRate) => _done = step + 1;

        public void OnCheckpoint(string path) => Steps.Add(_done);
    }
}
