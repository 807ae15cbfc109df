namespace SelfishGen.Generators.Model;

/// <summary>The objective a method declares; it decides how the method's loss is wired.</summary>
internal enum ObjectiveKind
{
    /// <summary><c>[Classification]</c> of a pretext task's labels.</summary>
    Classification,

    /// <summary><c>[Reconstruction]</c> of a pretext task's target image.</summary>
    Reconstruction,

    /// <summary><c>[PixelClassification]</c> of a colour-split pretext task's per-pixel classes, each half from the other.</summary>
    PixelClassification,

    /// <summary><c>[Adversarial]</c> alone: an encoder and a generator against a joint discriminator (BiGAN).</summary>
    Adversarial,

    /// <summary><c>[Contrastive]</c>: InfoNCE against batch, queue or memory-bank negatives.</summary>
    Contrastive,

    /// <summary><c>[Bootstrap]</c>: a prediction regresses onto a stop-gradient target.</summary>
    Bootstrap,

    /// <summary><c>[BarlowTwins]</c>: cross-correlation pulled to the identity.</summary>
    BarlowTwins,

    /// <summary><c>[VicReg]</c>: invariance, variance and covariance terms.</summary>
    VicReg,

    /// <summary><c>[Dino]</c>: self-distillation from a momentum teacher.</summary>
    Dino,

    /// <summary><c>[PredictiveCoding]</c>: CPC over a grid of patches.</summary>
    PredictiveCoding,

    /// <summary><c>[Objective(typeof(...))]</c>: an objective of the user's own over the views.</summary>
    Own,
}
