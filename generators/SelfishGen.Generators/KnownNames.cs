namespace SelfishGen.Generators;

/// <summary>Metadata names of the runtime types the generator and analyzers recognise (they never load the runtime).</summary>
internal static class KnownNames
{
    public const string SelfSupervisedMethod = "SelfishGen.SelfSupervisedMethod";
    public const string AdversarialMethod = "SelfishGen.AdversarialMethod";
    public const string PretextAttribute = "SelfishGen.PretextAttribute";
    public const string ViewsAttribute = "SelfishGen.ViewsAttribute";
    public const string ProjectorAttribute = "SelfishGen.ProjectorAttribute";
    public const string PredictorAttribute = "SelfishGen.PredictorAttribute";
    public const string MomentumEncoderAttribute = "SelfishGen.MomentumEncoderAttribute";
    public const string LabEncodersAttribute = "SelfishGen.LabEncodersAttribute";
    public const string AdversarialAttribute = "SelfishGen.AdversarialAttribute";
    public const string ClassificationAttribute = "SelfishGen.ClassificationAttribute";
    public const string ReconstructionAttribute = "SelfishGen.ReconstructionAttribute";
    public const string PixelClassificationAttribute = "SelfishGen.PixelClassificationAttribute";
    public const string ContrastiveAttribute = "SelfishGen.ContrastiveAttribute";
    public const string BootstrapAttribute = "SelfishGen.BootstrapAttribute";
    public const string BarlowTwinsAttribute = "SelfishGen.BarlowTwinsAttribute";
    public const string VicRegAttribute = "SelfishGen.VicRegAttribute";
    public const string DinoAttribute = "SelfishGen.DinoAttribute";
    public const string PredictiveCodingAttribute = "SelfishGen.PredictiveCodingAttribute";
    public const string RecipeAttribute = "SelfishGen.RecipeAttribute";
    public const string ObjectiveAttribute = "SelfishGen.ObjectiveAttribute";
    public const string BackboneAttribute = "SelfishGen.BackboneAttribute";
    public const string ViewCountAttribute = "SelfishGen.ViewCountAttribute";

    // The types that a user's own pieces implement or derive from, and take in their constructors.
    public const string ViewObjective = "SelfishGen.Objectives.IViewObjective";
    public const string ObjectiveSetup = "SelfishGen.Objectives.ObjectiveSetup";
    public const string Augmentation = "SelfishGen.Augmentations.IAugmentation";
    public const string Backbone = "SelfishGen.Modules.Backbone";
    public const string ImageShape = "SelfishGen.Data.ImageShape";
    public const string Module = "TorchSharp.torch.nn.Module";

    /// <summary>Attributes that declare a method's objective; each is one generator entry point.</summary>
    public static readonly string[] ObjectiveAttributes =
    [
        ClassificationAttribute, ReconstructionAttribute, PixelClassificationAttribute, ContrastiveAttribute, BootstrapAttribute,
        BarlowTwinsAttribute, VicRegAttribute, DinoAttribute, PredictiveCodingAttribute, ObjectiveAttribute,
    ];

    /// <summary>The objectives that compare augmented views of each image.</summary>
    public static readonly string[] ViewObjectiveAttributes =
        [ContrastiveAttribute, BootstrapAttribute, BarlowTwinsAttribute, VicRegAttribute, DinoAttribute, ObjectiveAttribute];

    /// <summary>Objectives on a pretext task's inputs and targets.</summary>
    public static readonly string[] PretextObjectiveAttributes =
        [ClassificationAttribute, ReconstructionAttribute, PixelClassificationAttribute];

    /// <summary>Attributes that declare a piece a method is composed of, other than its objective.</summary>
    public static readonly string[] PieceAttributes =
    [
        PretextAttribute, ViewsAttribute, ProjectorAttribute, PredictorAttribute, MomentumEncoderAttribute, LabEncodersAttribute,
        AdversarialAttribute, BackboneAttribute,
    ];

    /// <summary>Attributes that make a class a generator entry point: the objectives, and <c>[Adversarial]</c> that can be one.</summary>
    public static readonly string[] EntryAttributes = [.. ObjectiveAttributes, AdversarialAttribute];

    /// <summary>Every attribute that makes a class a SelfishGen method declaration.</summary>
    public static readonly string[] MethodAttributes = [.. PieceAttributes, .. ObjectiveAttributes];
}
