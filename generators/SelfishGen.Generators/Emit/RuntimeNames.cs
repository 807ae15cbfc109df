namespace SelfishGen.Generators.Emit;

/// <summary>Fully qualified names of the runtime types that generated code uses.</summary>
internal static class RuntimeNames
{
    public const string Torch = "global::TorchSharp.torch";
    public const string Tensor = "global::TorchSharp.torch.Tensor";
    public const string Batch = "global::SelfishGen.Data.Batch";
    public const string TrainingContext = "global::SelfishGen.TrainingContext";
    public const string TrainingRecipe = "global::SelfishGen.TrainingRecipe";
    public const string Parameter = "global::TorchSharp.Modules.Parameter";
    public const string Backbone = "global::SelfishGen.Modules.Backbone";
    public const string Backbones = "global::SelfishGen.Modules.Backbones";
    public const string MlpHead = "global::SelfishGen.Modules.MlpHead";
    public const string HeadWidths = "global::SelfishGen.Modules.HeadWidths";
    public const string DinoHead = "global::SelfishGen.Modules.DinoHead";
    public const string CombinedNet = "global::SelfishGen.Modules.CombinedNet";
    public const string BatchNormGroups = "global::SelfishGen.Modules.BatchNormGroups";
    public const string CpcContext = "global::SelfishGen.Modules.CpcContext";
    public const string PatchGridEncoder = "global::SelfishGen.Modules.PatchGridEncoder";
    public const string LabSplitBackbone = "global::SelfishGen.Modules.LabSplitBackbone";
    public const string AugmentedViews = "global::SelfishGen.Views.AugmentedViews";
    public const string TileEncoder = "global::SelfishGen.Modules.TileEncoder";
    public const string JigsawView = "global::SelfishGen.Views.JigsawView";
    public const string PatchGrid = "global::SelfishGen.Views.PatchGrid";
    public const string ViewAugmentation = "global::SelfishGen.ViewAugmentation";
    public const string Augment = "global::SelfishGen.Augmentations.Augment";
    public const string MomentumEncoder = "global::SelfishGen.State.MomentumEncoder";
    public const string MomentumSchedule = "global::SelfishGen.State.MomentumSchedule";
    public const string FeatureQueue = "global::SelfishGen.State.FeatureQueue";
    public const string DatasetScaled = "global::SelfishGen.State.DatasetScaled";
    public const string MemoryBank = "global::SelfishGen.State.MemoryBank";
    public const string MemoryBankWarmStart = "global::SelfishGen.State.MemoryBankWarmStart";
    public const string ImageDataset = "global::SelfishGen.Data.IImageDataset";
    public const string Generator = "global::TorchSharp.torch.Generator";
    public const string ModuleList = "global::TorchSharp.Modules.ModuleList";
    public const string Objectives = "global::SelfishGen.Objectives";
    public const string LossTerms = "global::SelfishGen.Objectives.LossTerms";
}
