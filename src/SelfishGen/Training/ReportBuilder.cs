namespace SelfishGen;

/// <summary>Collects the losses and throughput of one call to <see cref="SelfSupervisedMethod.Supervise"/>.</summary>
public sealed class ReportBuilder
{
    private readonly List<float> _steps = [];
    private readonly List<double> _epochs = [];
    private long _images;
    private TimeSpan _elapsed;

    /// <summary>Records a step's loss, its image count and the time since training began.</summary>
    public void AddStep(float loss, int images, TimeSpan elapsed)
    {
        _steps.Add(loss);
        _images += images;
        _elapsed = elapsed;
    }

    /// <summary>Records an epoch's mean loss.</summary>
    public void AddEpoch(double meanLoss) => _epochs.Add(meanLoss);

    /// <summary>The report.</summary>
    public TrainingReport Build(string checkpoint) => new(_steps, _epochs, _images, _elapsed, checkpoint);
}
