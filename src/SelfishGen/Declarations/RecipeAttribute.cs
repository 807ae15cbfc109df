namespace SelfishGen;

/// <summary>
/// Declares how a method trains unless the caller says otherwise: optimizer, learning rate (optionally scaled with the
/// batch size), weight decay, schedule and batch size, and the extras some papers use (gradient clipping, a weight-decay
/// schedule, a frozen last layer, LARS's trust coefficient). The generator puts it on the method's descriptor as a <see cref="TrainingRecipe"/>;
/// <c>Supervise</c>, <c>selfish train</c> and <c>bench quality</c> use it for every setting they are not given.
/// Unset properties keep <see cref="TrainingRecipe.Default"/>'s values.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class RecipeAttribute : Attribute
{
    /// <summary>The optimizer.</summary>
    public OptimizerKind Optimizer { get; set; } = OptimizerKind.Adam;

    /// <summary>Base learning rate, greater than 0: at <see cref="ScaleWithBatch"/> images per batch when that is set.</summary>
    public double LearningRate { get; set; } = 1e-3;

    /// <summary>
    /// The batch size <see cref="LearningRate"/> is given for: a run of B images per batch trains at
    /// LearningRate × B / ScaleWithBatch (the linear scaling rule); 0, the default, for a rate that does not scale.
    /// </summary>
    public int ScaleWithBatch { get; set; }

    /// <summary>Weight decay, at least 0 (weights only: biases and normalisation parameters never decay).</summary>
    public double WeightDecay { get; set; }

    /// <summary>Weight decay at the end of the run, reached along a half cosine from <see cref="WeightDecay"/> (DINO); unset for a constant decay.</summary>
    public double FinalWeightDecay { get; set; }

    /// <summary>Momentum of SGD and LARS, in [0, 1).</summary>
    public double Momentum { get; set; } = 0.9;

    /// <summary>Adam's and AdamW's first-moment decay, in [0, 1) (0.5 for GANs, as DCGAN).</summary>
    public double Beta1 { get; set; } = 0.9;

    /// <summary>Adam's and AdamW's second-moment decay, in [0, 1).</summary>
    public double Beta2 { get; set; } = 0.999;

    /// <summary>The learning-rate schedule after the warm-up.</summary>
    public LrScheduleKind Schedule { get; set; } = LrScheduleKind.Constant;

    /// <summary>Epochs of linear learning-rate warm-up, at least 0 (at most a tenth of a run: a short run is not all warm-up).</summary>
    public int WarmupEpochs { get; set; }

    /// <summary>Images per batch, at least 2.</summary>
    public int BatchSize { get; set; } = 64;

    /// <summary>Largest gradient norm of each parameter, greater than 0 (DINO clips at 3); unset for no clipping.</summary>
    public double GradientClip { get; set; }

    /// <summary>Epochs at the start during which the method's last layer does not train (DINO: 1), at least 0.</summary>
    public int FreezeLastLayerEpochs { get; set; }

    /// <summary>LARS's trust coefficient η, greater than 0: each weight moves by about η of its norm per step (the papers' 0.001).</summary>
    public double LarsTrust { get; set; } = 0.001;

    /// <summary>Whether LARS's step is at most plain SGD's (solo-learn's CIFAR recipes, with η 0.02).</summary>
    public bool LarsClip { get; set; }
}
