namespace SelfishGen;

/// <summary>
/// Declares DINO self-distillation: a student head over prototypes is trained to match the centred, sharpened output
/// of a momentum teacher on the global views. The projector's output becomes the head's bottleneck.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class DinoAttribute : Attribute
{
    /// <summary>Number of prototypes (the head's output width), at least 1.</summary>
    public int Prototypes { get; set; } = 65536;

    /// <summary>Student softmax temperature, greater than 0.</summary>
    public double StudentTemperature { get; set; } = 0.1;

    /// <summary>Teacher softmax temperature after the warm-up, greater than 0.</summary>
    public double TeacherTemperature { get; set; } = 0.07;

    /// <summary>Teacher softmax temperature at the start of training, greater than 0.</summary>
    public double WarmupTeacherTemperature { get; set; } = 0.04;

    /// <summary>Share of training over which the teacher temperature warms up, in [0, 1).</summary>
    public double WarmupProgress { get; set; } = 0.3;

    /// <summary>Momentum of the teacher centre's moving average, in [0, 1).</summary>
    public double CenterMomentum { get; set; } = 0.9;

    /// <summary>Whether the head's hidden layers have batch norm (DINO's option); the paper's head has none.</summary>
    public bool HeadBatchNorm { get; set; }

    /// <summary>
    /// Whether every prototype stays at unit length (logits are cosines: the paper's ViT-B setting); false gives each a
    /// trainable gain, so the student can sharpen its outputs (the paper's ViT-S and solo-learn's CIFAR setting).
    /// </summary>
    public bool NormalizeLastLayer { get; set; } = true;
}
