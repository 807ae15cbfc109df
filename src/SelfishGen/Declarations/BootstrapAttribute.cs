namespace SelfishGen;

/// <summary>
/// Declares a bootstrap objective (BYOL, SimSiam): each view's prediction regresses onto the other view's embedding,
/// 2 − 2·cos, with the gradient stopped at the target. No negatives.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class BootstrapAttribute : Attribute;
