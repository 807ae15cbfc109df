namespace SelfishGen.Objectives;

/// <summary>How <see cref="NegativeCosineLoss"/> scores one (prediction, target) pair; both are minimised by the same cosine.</summary>
public enum BootstrapLossForm
{
    /// <summary>BYOL: ‖p/‖p‖ − z/‖z‖‖² = 2 − 2·cos(p, z), in [0, 4].</summary>
    Byol,

    /// <summary>SimSiam: −½·cos(p, z), in [−½, ½].</summary>
    SimSiam,
}
