using SelfishGen.Data;
using SelfishGen.Methods;
using SelfishGen.Modules;
using SelfishGen.Tests.Methods;

namespace SelfishGen.Tests.Training;

/// <summary>
/// A run that dies in the middle of a step, at a random step, leaves only the checkpoints written between earlier steps;
/// resumed from the last of them, it redoes the lost steps and ends exactly as a run that never stopped: the same losses,
/// and a final checkpoint equal byte for byte (weights, optimizer state, queues, momentum encoders, position).
/// </summary>
public sealed class CrashResumeTests : IDisposable
{
    private const int Epochs = 3;
    private const int BatchSize = 16;
    private const int StepsPerEpoch = 4; // 64 images
    private const int CheckpointEvery = 3;
    private readonly string _store = Directory.CreateTempSubdirectory("selfish-crash-").FullName;

    public void Dispose() => Directory.Delete(_store, recursive: true);

    public static TheoryData<string, int> Crashes()
    {
        var random = new Random(13);
        var crashes = new TheoryData<string, int>();
        foreach (var method in new[] { "RotateNet", "SimCLR", "MoCo", "BYOL", "BiGAN" })
            crashes.Add(method, random.Next(CheckpointEvery, Epochs * StepsPerEpoch));
        return crashes;
    }

    [Theory]
    [MemberData(nameof(Crashes))]
    public void A_run_that_dies_inside_a_step_resumes_to_the_same_end(string method, int crashStep)
    {
        var images = new RandomPatterns(64);
        var straight = Train(TinyMethods.Create(method, images, wrap: new FailingBackbone.Wrapper().Wrap), "straight");

        var failing = new FailingBackbone.Wrapper();
        var crashed = TinyMethods.Create(method, images, wrap: failing.Wrap);
        var error = Assert.Throws<SimulatedCrash>(() => Train(crashed, "crashed", new FailAt(crashStep, failing)));
        Assert.Equal(crashStep, error.Step);

        var saved = crashStep / CheckpointEvery * CheckpointEvery;
        var resumed = TinyMethods.Create(method, images, seed: 42, wrap: new FailingBackbone.Wrapper().Wrap);
        Assert.Equal(saved, resumed.Load(Path.Combine(_store, "crashed")).State.Step);
        var rest = Train(resumed, "crashed", pretrained: true);

        Assert.Equal(straight.StepLosses.Skip(saved), rest.StepLosses);
        Assert.Equal(CheckpointBytes("straight"), CheckpointBytes("crashed"));
    }

    [Fact]
    public void A_MoCo_that_dies_after_its_update_and_enqueue_resumes_to_the_same_end()
    {
        var images = new RandomPatterns(64);
        var straight = Train(TinyMethods.Create("MoCo", images), "straight");

        var crashStep = new Random(7).Next(CheckpointEvery, Epochs * StepsPerEpoch);
        var crashing = new MoCoDyingAfterStep(images, crashStep);
        Assert.Throws<SimulatedCrash>(() => Train(crashing, "crashed"));

        var saved = crashStep / CheckpointEvery * CheckpointEvery;
        var rest = Train(TinyMethods.Create("MoCo", images, seed: 42), "crashed", pretrained: true);

        Assert.Equal(straight.StepLosses.Skip(saved), rest.StepLosses);
        Assert.Equal(CheckpointBytes("straight"), CheckpointBytes("crashed"));
    }

    private TrainingReport Train(SelfSupervisedMethod method, string name, ITrainingObserver? observer = null, bool pretrained = false) =>
        method.Supervise(lr: 3e-3, epochs: Epochs, batchSize: BatchSize, name: Path.Combine(_store, name), pretrained: pretrained,
            checkpointEvery: CheckpointInterval.Every(CheckpointEvery), observer: observer);

    // The whole file: position, settings, every module tensor and the optimizer state.
    private byte[] CheckpointBytes(string name) => File.ReadAllBytes(CheckpointFile.PathOf(Path.Combine(_store, name)));

    /// <summary>Thrown where a process would have been killed.</summary>
    private sealed class SimulatedCrash(long step) : Exception($"simulated crash in step {step}")
    {
        public long Step { get; } = step;
    }

    /// <summary>Arms the backbone after step <c>step - 1</c>, so that step <c>step</c> dies in its first forward pass.</summary>
    private sealed class FailAt(int step, FailingBackbone.Wrapper backbone) : ITrainingObserver
    {
        public void OnStep(long done, int epoch, float loss, int images, double learningRate)
        {
            if (done + 1 == step)
                backbone.FailIn(step);
        }
    }

    /// <summary>A ConvNet that, once armed, throws after its forward pass has updated its batch-norm statistics.</summary>
    private sealed class FailingBackbone : Backbone
    {
        private readonly Backbone _inner;
        private readonly Wrapper _owner;

        private FailingBackbone(Backbone inner, Wrapper owner) : base(nameof(FailingBackbone), inner.Input, inner.OutputFeatures)
        {
            (_inner, _owner) = (inner, owner);
            RegisterComponents();
        }

        public override Tensor FeatureMaps(Tensor images)
        {
            var maps = _inner.FeatureMaps(images);
            if (_owner.Armed is { } step)
                throw new SimulatedCrash(step);
            return maps;
        }

        // Momentum encoders need the same parameter names: a wrapped copy, never armed.
        public override Backbone Replicate(ImageShape input) => new FailingBackbone(_inner.Replicate(input), new Wrapper());

        /// <summary>Wraps the method's backbone; arming it makes the next forward pass throw.</summary>
        public sealed class Wrapper
        {
            public long? Armed { get; private set; }

            public Backbone Wrap(Backbone inner) => new FailingBackbone(inner, this);

            public void FailIn(long step) => Armed = step;
        }
    }

    /// <summary>The tiny MoCo, dying at the end of a step: after the optimizer step, the enqueue and the momentum update.</summary>
    private sealed class MoCoDyingAfterStep(IImageDataset images, int crashStep)
        : MoCo(images, (Options)TinyMethods.Options("MoCo"), SeededBackbone(images.Shape))
    {
        // As TinyMethods builds it: the same seed, then the backbone first.
        private static ConvNet SeededBackbone(ImageShape shape)
        {
            manual_seed(1);
            return new ConvNet(shape, width: 8);
        }

        protected override void AfterStep(Batch batch, TrainingContext context)
        {
            base.AfterStep(batch, context);
            if (context.Step == crashStep)
                throw new SimulatedCrash(context.Step);
        }
    }
}
