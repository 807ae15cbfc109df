using System.Globalization;

namespace SelfishGen;

/// <summary>
/// How a method trains unless the caller says otherwise: what its <see cref="RecipeAttribute"/> declares (the
/// generator puts it on <see cref="MethodDescriptor.Recipe"/>), or <see cref="Default"/> for a method that declares none.
/// </summary>
public sealed record TrainingRecipe
{
    /// <summary>The recipe of a method that declares none: Adam at 1e-3, no weight decay, constant rate, 64 images per batch.</summary>
    public static TrainingRecipe Default { get; } = new();

    /// <summary>The optimizer.</summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;

    /// <summary>Base learning rate: at <see cref="ScaleWithBatch"/> images per batch when that is set.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>The batch size <see cref="LearningRate"/> is given for (the rate scales linearly with the batch); 0 for a rate that does not scale.</summary>
    public int ScaleWithBatch { get; init; }

    /// <summary>Weight decay of weights (biases and normalisation parameters never decay).</summary>
    public double WeightDecay { get; init; }

    /// <summary>Weight decay at the end of the run, reached along a half cosine from <see cref="WeightDecay"/>; null for a constant decay.</summary>
    public double? FinalWeightDecay { get; init; }

    /// <summary>Momentum of SGD and LARS.</summary>
    public double Momentum { get; init; } = 0.9;

    /// <summary>Adam's and AdamW's first-moment decay.</summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>Adam's and AdamW's second-moment decay.</summary>
    public double Beta2 { get; init; } = 0.999;

    /// <summary>The learning-rate schedule after the warm-up.</summary>
    public LrScheduleKind Schedule { get; init; } = LrScheduleKind.Constant;

    /// <summary>Epochs of linear warm-up (at most <see cref="MaxWarmupShare"/> of a run).</summary>
    public int WarmupEpochs { get; init; }

    /// <summary>Images per batch.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Largest gradient norm of each parameter; null for no clipping.</summary>
    public double? GradientClip { get; init; }

    /// <summary>Epochs at the start during which the method's last layer does not train (at most <see cref="MaxWarmupShare"/> of a run).</summary>
    public int FreezeLastLayerEpochs { get; init; }

    /// <summary>LARS's trust coefficient η: each weight's step is scaled to η·‖w‖ / ‖g + λw‖ of the plain one (0.001 in the papers).</summary>
    public double LarsTrust { get; init; } = 0.001;

    /// <summary>Whether LARS's step is at most plain SGD's (the trust ratio divided by the learning rate, capped at 1), as solo-learn's CIFAR recipes train.</summary>
    public bool LarsClip { get; init; }

    /// <summary>The largest share of a run the warm-up takes, so that a run shorter than the paper's is not all warm-up.</summary>
    public const double MaxWarmupShare = 0.1;

    /// <summary>The optimizer's settings: kind, weight decay (at the start), momentum, betas and LARS's trust.</summary>
    public OptimizerSettings OptimizerSettings => new(Optimizer, WeightDecay, Momentum, Beta1, Beta2, LarsTrust: LarsTrust, LarsClip: LarsClip);

    /// <summary>The learning rate of a run of <paramref name="batchSize"/> images per batch: scaled when <see cref="ScaleWithBatch"/> is set.</summary>
    public double LearningRateFor(int batchSize) => ScaleWithBatch > 0 ? LearningRate * batchSize / ScaleWithBatch : LearningRate;

    /// <summary>The learning-rate schedule of a run of <paramref name="stepsPerEpoch"/> steps per epoch.</summary>
    public LrSchedule ScheduleFor(int stepsPerEpoch)
    {
        var warmupSteps = WarmupEpochs * stepsPerEpoch;
        return Schedule == LrScheduleKind.Cosine
            ? LrSchedule.Cosine(warmupSteps, MaxWarmupShare)
            : warmupSteps > 0 ? LrSchedule.Warmup(warmupSteps, MaxWarmupShare) : LrSchedule.Constant;
    }

    /// <summary>
    /// Steps at the start of a run of <paramref name="totalSteps"/> (<paramref name="stepsPerEpoch"/> per epoch) during
    /// which the last layer does not train: <see cref="FreezeLastLayerEpochs"/>, capped as the warm-up is, so that a short
    /// run does not spend itself with its prototypes frozen.
    /// </summary>
    public long FrozenLastLayerSteps(int stepsPerEpoch, long totalSteps) =>
        Math.Min((long)FreezeLastLayerEpochs * stepsPerEpoch, (long)(MaxWarmupShare * totalSteps));

    /// <summary>The weight decay at <paramref name="progress"/> (0 at the start, 1 at the end) of a run.</summary>
    public double WeightDecayAt(double progress) => FinalWeightDecay is { } final
        ? final + 0.5 * (WeightDecay - final) * (1 + Math.Cos(Math.PI * Math.Clamp(progress, 0, 1)))
        : WeightDecay;

    /// <summary>The problems of this recipe, one sentence each (the analyzer's messages for the same values); empty when it is valid.</summary>
    public IEnumerable<string> Validate()
    {
        if (!(LearningRate > 0)) yield return Invalid("LearningRate", "greater than 0", LearningRate);
        if (!(ScaleWithBatch >= 0)) yield return Invalid("ScaleWithBatch", "at least 0", ScaleWithBatch);
        if (!(WeightDecay >= 0)) yield return Invalid("WeightDecay", "at least 0", WeightDecay);
        if (FinalWeightDecay is { } final && !(final >= 0)) yield return Invalid("FinalWeightDecay", "at least 0", final);
        if (!(Momentum is >= 0 and < 1)) yield return Invalid("Momentum", "in [0, 1)", Momentum);
        if (!(Beta1 is >= 0 and < 1)) yield return Invalid("Beta1", "in [0, 1)", Beta1);
        if (!(Beta2 is >= 0 and < 1)) yield return Invalid("Beta2", "in [0, 1)", Beta2);
        if (!(WarmupEpochs >= 0)) yield return Invalid("WarmupEpochs", "at least 0", WarmupEpochs);
        if (!(BatchSize >= 2)) yield return Invalid("BatchSize", "at least 2", BatchSize);
        if (GradientClip is { } clip && !(clip > 0)) yield return Invalid("GradientClip", "greater than 0", clip);
        if (!(FreezeLastLayerEpochs >= 0)) yield return Invalid("FreezeLastLayerEpochs", "at least 0", FreezeLastLayerEpochs);
        if (!(LarsTrust > 0)) yield return Invalid("LarsTrust", "greater than 0", LarsTrust);
    }

    /// <summary>The recipe in one line, e.g. <c>LARS (momentum 0.9), lr 0.3 × batch/256, weight decay 1E-06, cosine, warm-up 10 epochs, batch 256</c>.</summary>
    public override string ToString()
    {
        var parts = new List<string>
        {
            Optimizer switch
            {
                OptimizerKind.Adam or OptimizerKind.AdamW => $"{Optimizer} (β₁ {Text(Beta1)}, β₂ {Text(Beta2)})",
                OptimizerKind.Lars => $"LARS (momentum {Text(Momentum)}{LarsTrustText})",
                _ => $"SGD (momentum {Text(Momentum)})",
            },
            ScaleWithBatch > 0 ? $"lr {Text(LearningRate)} × batch/{ScaleWithBatch}" : $"lr {Text(LearningRate)}",
            FinalWeightDecay is { } final ? $"weight decay {Text(WeightDecay)} → {Text(final)}" : $"weight decay {Text(WeightDecay)}",
            Schedule == LrScheduleKind.Cosine ? "cosine" : "constant",
        };
        if (WarmupEpochs > 0) parts.Add($"warm-up {Epochs(WarmupEpochs)}");
        parts.Add($"batch {BatchSize}");
        if (GradientClip is { } clip) parts.Add($"gradients clipped at {Text(clip)}");
        if (FreezeLastLayerEpochs > 0) parts.Add($"last layer frozen for {Epochs(FreezeLastLayerEpochs)}");
        return string.Join(", ", parts);

        static string Epochs(int count) => count == 1 ? "1 epoch" : $"{count} epochs";
    }

    // η when it is not the papers' 0.001, and the clip when set: ", η 0.02, clipped"
    private string LarsTrustText =>
        (LarsTrust == Default.LarsTrust ? "" : $", η {Text(LarsTrust)}") + (LarsClip ? ", clipped" : "");

    private static string Invalid(string name, string requirement, double value) =>
        string.Create(CultureInfo.InvariantCulture, $"{name} must be {requirement}, not {value}.");

    private static string Text(double value) => value.ToString("G", CultureInfo.InvariantCulture);
}
