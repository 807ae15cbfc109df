namespace SelfishGen;

/// <summary>
/// Declares a prediction head on the online branch, an MLP from the projector's embedding to a prediction of the
/// target branch's embedding (BYOL, SimSiam). Needs a momentum encoder or a stop-gradient objective against collapse.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class PredictorAttribute : Attribute
{
    /// <summary>Widths of the hidden layers (each Linear → BatchNorm → ReLU).</summary>
    public int[] Hidden { get; set; } = [512];
}
