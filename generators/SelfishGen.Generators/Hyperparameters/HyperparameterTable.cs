using System.Collections.Generic;
using System.Linq;
using SelfishGen.Generators.Diagnostics;
using SelfishGen.Generators.Rules;
using static SelfishGen.Generators.Hyperparameters.HyperparameterType;

namespace SelfishGen.Generators.Hyperparameters;

/// <summary>Every hyperparameter that SelfishGen attributes declare, with its rule: one row per attribute property.</summary>
internal static class HyperparameterTable
{
    /// <summary><c>[Classification(Hidden = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition ClassificationHidden = new(
        KnownNames.ClassificationAttribute, "Hidden", "Hidden", Int32Array, "[1024, 256]",
        "Widths of the classification head's hidden layers; empty for a linear head.",
        AtLeast("Each Hidden width", 1), DiagnosticDescriptors.ClassificationHiddenWidth);

    /// <summary><c>[Classification(LabelSmoothing = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition ClassificationLabelSmoothing = new(
        KnownNames.ClassificationAttribute, "LabelSmoothing", "LabelSmoothing", Double, "0.0",
        "Label smoothing of the cross-entropy, in [0, 1).",
        Fraction("LabelSmoothing"), DiagnosticDescriptors.ClassificationLabelSmoothing);

    /// <summary><c>[Pretext(PretextKind.Jigsaw, Grid = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition JigsawGrid = new(
        KnownNames.PretextAttribute, "Grid", "JigsawGrid", Int32, "2",
        "Cells per side of the jigsaw puzzle.",
        AtLeast("JigsawGrid", 2), DiagnosticDescriptors.JigsawGrid, Kinds: [Jigsaw]);

    /// <summary><c>[Pretext(PretextKind.Jigsaw, Permutations = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition JigsawPermutations = new(
        KnownNames.PretextAttribute, "Permutations", "Permutations", Int32, "0",
        "Permutation classes, at most JigsawGrid²!; 0 for all 24 of a 2×2 grid, or 1000 for larger grids.",
        AtLeast("Permutations", 0), DiagnosticDescriptors.JigsawPermutations, Kinds: [Jigsaw]);

    /// <summary><c>[Pretext(PretextKind.Jigsaw, CropFraction = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition JigsawCropFraction = new(
        KnownNames.PretextAttribute, "CropFraction", "CropFraction", Double, "0.9",
        "Side of each jigsaw patch as a fraction of its cell's side, in (0, 1].",
        PositiveUpTo("CropFraction", 1), DiagnosticDescriptors.JigsawCropFraction, Kinds: [Jigsaw]);

    /// <summary><c>[Pretext(PretextKind.Jigsaw, TileByTile = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition JigsawTileByTile = new(
        KnownNames.PretextAttribute, "TileByTile", "TileByTile", Boolean, "false",
        "Whether the backbone encodes each jigsaw tile on its own (a context-free network) rather than the reassembled puzzle.",
        Kinds: [Jigsaw]);

    /// <summary><c>[Pretext(PretextKind.Jigsaw, ResizeTiles = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition JigsawResizeTiles = new(
        KnownNames.PretextAttribute, "ResizeTiles", "ResizeTiles", Boolean, "false",
        "Whether each jigsaw tile is resized to the images' size and encoded on its own (implies TileByTile).",
        Kinds: [Jigsaw]);

    /// <summary><c>[Pretext(PretextKind.Exemplar, Classes = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition ExemplarClasses = new(
        KnownNames.PretextAttribute, "Classes", "Classes", Int32, "1000",
        "Surrogate classes: images drawn from the dataset, each its own class (at most the dataset's size are used).",
        AtLeast("Classes", 1), DiagnosticDescriptors.PretextCount, Kinds: [Exemplar]);

    /// <summary><c>[Pretext(..., Seed = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition PretextSeed = new(
        KnownNames.PretextAttribute, "Seed", "PretextSeed", Int32, "0",
        "Seed of the jigsaw permutation set or of the choice of exemplar images.",
        Kinds: [Jigsaw, Exemplar]);

    /// <summary><c>[Pretext(PretextKind.Inpaint, Probability = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition InpaintProbability = new(
        KnownNames.PretextAttribute, "Probability", "Probability", Double, "0.3",
        "Chance that each block is erased, in (0, 1].",
        PositiveUpTo("Probability", 1), DiagnosticDescriptors.InpaintProbability, Kinds: [Inpaint]);

    /// <summary><c>[Pretext(PretextKind.Inpaint, Blocks = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition InpaintBlocks = new(
        KnownNames.PretextAttribute, "Blocks", "Blocks", Int32, "10",
        "Blocks tried per image (they may overlap).",
        AtLeast("Blocks", 1), DiagnosticDescriptors.PretextCount, Kinds: [Inpaint]);

    /// <summary><c>[Pretext(PretextKind.Latent, Features = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition LatentFeatures = new(
        KnownNames.PretextAttribute, "Features", "Latent", Int32, "200",
        "Length of the latent code that the generator maps to images and the encoder maps images to.",
        AtLeast("Latent", 1), DiagnosticDescriptors.PretextCount, Kinds: ["Latent"]);

    /// <summary><c>[Pretext(PretextKind.Latent, Distribution = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition LatentDistribution = new(
        KnownNames.PretextAttribute, "Distribution", "Distribution", HyperparameterType.Enum, "Uniform",
        "Distribution each component of a latent code is drawn from: Uniform in [−1, 1], or Normal (standard).",
        Kinds: ["Latent"]);

    /// <summary><c>[Pretext(PretextKind.Latent, FlattenedMaps = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition LatentFlattenedMaps = new(
        KnownNames.PretextAttribute, "FlattenedMaps", "FlattenedMaps", Boolean, "false",
        "Whether the encoder's linear head reads the backbone's flattened feature maps rather than its pooled features.",
        Kinds: ["Latent"]);

    /// <summary><c>[Pretext(PretextKind.ColorSplit, LightnessBinSize = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition LightnessBinSize = new(
        KnownNames.PretextAttribute, "LightnessBinSize", "LightnessBinSize", Double, "2.0",
        "Width of a lightness class over L in [0, 100], in (0, 50] (two classes at least); 2 gives 50 classes.",
        PositiveUpTo("LightnessBinSize", 50), DiagnosticDescriptors.LightnessBinSize, Kinds: [ColorSplit]);

    /// <summary><c>[Pretext(PretextKind.ColorSplit, ColorBinSize = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition ColorBinSize = new(
        KnownNames.PretextAttribute, "ColorBinSize", "ColorBinSize", Double, "26.0",
        "Side of a colour cell over a and b in [−117, 117], in (0, 117] (two cells per axis at least); 26 gives 9×9 classes.",
        PositiveUpTo("ColorBinSize", 117), DiagnosticDescriptors.ColorBinSize, Kinds: [ColorSplit]);

    /// <summary><c>[Reconstruction(OutsideWeight = ...)]</c> of an inpainting pretext.</summary>
    public static readonly HyperparameterDefinition OutsideWeight = new(
        KnownNames.ReconstructionAttribute, "OutsideWeight", "OutsideWeight", Double, "0.0",
        "Weight of the reconstruction error outside the erased blocks, in [0, 1]; inside weighs 1 (0: the erased blocks alone).",
        new ValueRule("OutsideWeight", new ValueRange(0, true, 1, true)), DiagnosticDescriptors.OutsideWeight, Kinds: [Inpaint]);

    /// <summary><c>[Reconstruction(NormalizedPatch = ...)]</c> of a denoising pretext.</summary>
    public static readonly HyperparameterDefinition NormalizedPatch = new(
        KnownNames.ReconstructionAttribute, "NormalizedPatch", "NormalizedPatch", Int32, "0",
        "Side in pixels of the patches the target is normalised over (mean 0, variance 1 each, MAE's normalised pixels), at least 0; 0 reconstructs the pixels.",
        AtLeast("NormalizedPatch", 0), DiagnosticDescriptors.NormalizedPatch, Kinds: [Denoise]);

    /// <summary><c>[Adversarial(Weight = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition AdversarialWeight = new(
        KnownNames.AdversarialAttribute, "Weight", "AdversarialWeight", Double, "0.001",
        "Share of the adversarial term in the loss, in [0, 1); the reconstruction has the rest.",
        Fraction("AdversarialWeight"), DiagnosticDescriptors.AdversarialWeight, AlongWith: KnownNames.ReconstructionAttribute);

    /// <summary><c>[Adversarial(Cycle = ...)]</c> of a latent pretext.</summary>
    public static readonly HyperparameterDefinition AdversarialCycle = new(
        KnownNames.AdversarialAttribute, "Cycle", "CycleWeight", Double, "0.0",
        "Weight of the cycle term next to the game, at least 0: the mean squared error of G(E(x)) against x (ALICE's cycle consistency); 0 for the game alone.",
        AtLeast("CycleWeight", 0), DiagnosticDescriptors.AdversarialCycle, Kinds: ["Latent"]);

    /// <summary><c>[Adversarial(LatentCycle = ...)]</c> of a latent pretext.</summary>
    public static readonly HyperparameterDefinition AdversarialLatentCycle = new(
        KnownNames.AdversarialAttribute, "LatentCycle", "LatentCycleWeight", Double, "0.0",
        "Weight of the latent cycle term next to the game, at least 0: the mean squared error of E(G(z)) against z; 0 leaves it out.",
        AtLeast("LatentCycleWeight", 0), DiagnosticDescriptors.AdversarialLatentCycle, Kinds: ["Latent"]);

    /// <summary><c>[Pretext(PretextKind.Denoise, DropRate = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition DenoiseDropRate = new(
        KnownNames.PretextAttribute, "DropRate", "DropRate", Double, "0.7",
        "Fraction of pixels set to 0 in the input, in [0, 1).",
        Fraction("DropRate"), DiagnosticDescriptors.DenoiseDropRate, Kinds: [Denoise]);

    /// <summary><c>[Pretext(PretextKind.Denoise, PerChannel = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition DenoisePerChannel = new(
        KnownNames.PretextAttribute, "PerChannel", "PerChannel", Boolean, "false",
        "Whether each channel of a pixel is dropped independently.",
        Kinds: [Denoise]);

    /// <summary><c>[Pretext(PretextKind.Denoise, BlockSize = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition DenoiseBlockSize = new(
        KnownNames.PretextAttribute, "BlockSize", "BlockSize", Int32, "1",
        "Side in pixels of the square blocks dropped together, at least 1 (1 for single pixels).",
        AtLeast("BlockSize", 1), DiagnosticDescriptors.DenoiseBlockSize, Kinds: [Denoise]);

    /// <summary><c>[Pretext(PretextKind.Denoise, NoiseSigma = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition DenoiseNoiseSigma = new(
        KnownNames.PretextAttribute, "NoiseSigma", "NoiseSigma", Double, "0.0",
        "Standard deviation of the Gaussian noise added after dropping, at least 0 (0 for none).",
        AtLeast("NoiseSigma", 0), DiagnosticDescriptors.DenoiseNoiseSigma, Kinds: [Denoise]);

    /// <summary><c>[Views(LocalCrops = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition LocalCrops = new(
        KnownNames.ViewsAttribute, "LocalCrops", "LocalCrops", Int32, "0",
        "Extra small crops per image that only DINO's student sees (multi-crop).",
        AtLeast("LocalCrops", 0), DiagnosticDescriptors.LocalCrops, AlongWith: KnownNames.DinoAttribute);

    /// <summary><c>[Projector(Hidden = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition ProjectorHidden = new(
        KnownNames.ProjectorAttribute, "Hidden", "ProjectorHidden", Int32Array, "[2048]",
        "Widths of the projector's hidden layers; empty for a linear projector.",
        AtLeast("Each ProjectorHidden width", 1), DiagnosticDescriptors.ProjectorHiddenWidth);

    /// <summary><c>[Projector(Out = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition ProjectorOut = new(
        KnownNames.ProjectorAttribute, "Out", "ProjectorOut", Int32, "128",
        "Width of the projector's output: the embedding the objective compares.",
        AtLeast("ProjectorOut", 1), DiagnosticDescriptors.ProjectorOut);

    /// <summary><c>[Projector(OutputNorm = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition ProjectorOutputNorm = new(
        KnownNames.ProjectorAttribute, HyperparameterNames.OutputNorm, "ProjectorOutputNorm", Boolean, "false",
        "Whether the projector's output goes through a batch norm without scale or shift (SimSiam).");

    /// <summary><c>[Projector(ScaleWithFeatures = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition ProjectorScaleWithFeatures = new(
        KnownNames.ProjectorAttribute, "ScaleWithFeatures", "ProjectorScaleWithFeatures", Int32, "0",
        "Backbone features the projector's widths are declared for: each width is scaled by the backbone's features over this; 0 for the widths as they are.",
        AtLeast("ProjectorScaleWithFeatures", 0), DiagnosticDescriptors.ProjectorScaleWithFeatures);

    /// <summary><c>[Predictor(Hidden = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition PredictorHidden = new(
        KnownNames.PredictorAttribute, "Hidden", "PredictorHidden", Int32Array, "[512]",
        "Widths of the predictor's hidden layers; its output has the projector's width.",
        AtLeast("Each PredictorHidden width", 1), DiagnosticDescriptors.PredictorHiddenWidth);

    /// <summary><c>[MomentumEncoder(Momentum = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition Momentum = new(
        KnownNames.MomentumEncoderAttribute, "Momentum", "Momentum", Double, "0.999",
        "EMA momentum of the target encoder, in [0, 1) (its start value when cosine).",
        Fraction("Momentum"), DiagnosticDescriptors.Momentum);

    /// <summary><c>[MomentumEncoder(Cosine = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition MomentumCosine = new(
        KnownNames.MomentumEncoderAttribute, "Cosine", "MomentumCosine", Boolean, "false",
        "Whether the momentum rises to 1 along a half cosine over training.");

    /// <summary><c>[Contrastive(Temperature = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition Temperature = new(
        KnownNames.ContrastiveAttribute, "Temperature", "Temperature", Double, "0.1",
        "Softmax temperature of the contrastive loss, greater than 0.",
        Positive("Temperature"), DiagnosticDescriptors.ContrastiveTemperature);

    /// <summary><c>[Contrastive(Queue = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition Queue = new(
        KnownNames.ContrastiveAttribute, HyperparameterNames.Queue, HyperparameterNames.Queue, Int32, "0",
        "Most past keys kept in the queue of negatives; the queue holds at most an eighth of the dataset (rounded down to a power of two), so an image's own key from an earlier epoch is rarely among its negatives.",
        AtLeast("Queue", 1), DiagnosticDescriptors.QueueSize, OnlyWith: HyperparameterNames.Queue);

    /// <summary><c>[Contrastive(MemoryBank = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition MemoryBank = new(
        KnownNames.ContrastiveAttribute, HyperparameterNames.MemoryBank, HyperparameterNames.MemoryBank, Int32, "0",
        "Negatives drawn per query from the memory bank (one entry per image).",
        AtLeast("MemoryBank", 1), DiagnosticDescriptors.MemoryBankNegatives, OnlyWith: HyperparameterNames.MemoryBank);

    /// <summary><c>[Contrastive(BankMomentum = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition BankMomentum = new(
        KnownNames.ContrastiveAttribute, "BankMomentum", "BankMomentum", Double, "0.5",
        "Share of a memory bank entry kept when it is updated, in [0, 1).",
        Fraction("BankMomentum"), DiagnosticDescriptors.BankMomentum, OnlyWith: HyperparameterNames.MemoryBank);

    /// <summary><c>[Contrastive(BankWarmStart = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition BankWarmStart = new(
        KnownNames.ContrastiveAttribute, "BankWarmStart", "BankWarmStart", Boolean, "true",
        "Whether a fresh run fills the memory bank with the untrained encoder's embeddings (false: random unit vectors, as the papers).",
        OnlyWith: HyperparameterNames.MemoryBank);

    /// <summary><c>[Contrastive(BatchNormGroups = ...)]</c>: only beside a momentum encoder, whose keys it shuffles.</summary>
    public static readonly HyperparameterDefinition BatchNormGroups = new(
        KnownNames.ContrastiveAttribute, HyperparameterNames.BatchNormGroups, HyperparameterNames.BatchNormGroups, Int32, "1",
        "Groups each batch is forwarded in, with their own batch-norm statistics, the keys' groups shuffled (shuffle-BN on one device); 1 for none.",
        AtLeast("BatchNormGroups", 1), DiagnosticDescriptors.BatchNormGroups, AlongWith: KnownNames.MomentumEncoderAttribute);

    /// <summary><c>[Contrastive(SymmetricLoss = ...)]</c>: only beside a momentum encoder, whose keys both views meet.</summary>
    public static readonly HyperparameterDefinition SymmetricLoss = new(
        KnownNames.ContrastiveAttribute, HyperparameterNames.SymmetricLoss, HyperparameterNames.SymmetricLoss, Boolean, "false",
        "Whether each view is also the query of the other view's key, the two losses averaged and both views' keys queued.",
        AlongWith: KnownNames.MomentumEncoderAttribute);

    /// <summary><c>[Objective(Temperature = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition ObjectiveTemperature = new(
        KnownNames.ObjectiveAttribute, "Temperature", "ObjectiveTemperature", Double, "0.1",
        "Softmax temperature the objective is given, greater than 0.",
        Positive("ObjectiveTemperature"), DiagnosticDescriptors.ObjectiveTemperature);

    /// <summary><c>[Objective(Queue = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition ObjectiveQueue = new(
        KnownNames.ObjectiveAttribute, HyperparameterNames.Queue, "ObjectiveQueue", Int32, "0",
        "Most past embeddings kept in the objective's queue; the queue holds at most an eighth of the dataset (rounded down to a power of two).",
        AtLeast("ObjectiveQueue", 1), DiagnosticDescriptors.ObjectiveQueue, OnlyWith: HyperparameterNames.Queue);

    /// <summary><c>[BarlowTwins(Lambda = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition BarlowTwinsLambda = new(
        KnownNames.BarlowTwinsAttribute, "Lambda", "Lambda", Double, "0.005",
        "Weight of the off-diagonal (redundancy reduction) term, at least 0.",
        AtLeast("Lambda", 0), DiagnosticDescriptors.BarlowTwinsLambda);

    /// <summary><c>[BarlowTwins(LossScale = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition BarlowTwinsLossScale = new(
        KnownNames.BarlowTwinsAttribute, "LossScale", "LossScale", Double, "1.0",
        "Factor the loss is multiplied by, greater than 0; under LARS it sets how far biases and normalisation parameters move.",
        Positive("LossScale"), DiagnosticDescriptors.BarlowTwinsLossScale);

    /// <summary><c>[VicReg(Invariance = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition VicRegInvariance = VicRegWeight("Invariance", "25.0", "invariance (mean squared error between views)");

    /// <summary><c>[VicReg(Variance = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition VicRegVariance = VicRegWeight("Variance", "25.0", "variance (hinge on each dimension's deviation)");

    /// <summary><c>[VicReg(Covariance = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition VicRegCovariance = VicRegWeight("Covariance", "1.0", "covariance (off-diagonal decorrelation)");

    /// <summary><c>[Dino(Prototypes = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition DinoPrototypes = new(
        KnownNames.DinoAttribute, "Prototypes", "Prototypes", Int32, "65536",
        "Number of prototypes: the width of the DINO head's output.",
        AtLeast("Prototypes", 1), DiagnosticDescriptors.DinoPrototypes);

    /// <summary><c>[Dino(StudentTemperature = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition DinoStudentTemperature = DinoTemperature("StudentTemperature", "0.1", "Student softmax temperature");

    /// <summary><c>[Dino(TeacherTemperature = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition DinoTeacherTemperature = DinoTemperature("TeacherTemperature", "0.07", "Teacher softmax temperature after the warm-up");

    /// <summary><c>[Dino(WarmupTeacherTemperature = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition DinoWarmupTeacherTemperature = DinoTemperature("WarmupTeacherTemperature", "0.04", "Teacher softmax temperature at the start");

    /// <summary><c>[Dino(WarmupProgress = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition DinoWarmupProgress = new(
        KnownNames.DinoAttribute, "WarmupProgress", "WarmupProgress", Double, "0.3",
        "Share of training over which the teacher temperature warms up, in [0, 1).",
        Fraction("WarmupProgress"), DiagnosticDescriptors.DinoWarmup);

    /// <summary><c>[Dino(CenterMomentum = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition DinoCenterMomentum = new(
        KnownNames.DinoAttribute, "CenterMomentum", "CenterMomentum", Double, "0.9",
        "Momentum of the teacher centre's moving average, in [0, 1).",
        Fraction("CenterMomentum"), DiagnosticDescriptors.DinoCenterMomentum);

    /// <summary><c>[Dino(HeadBatchNorm = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition DinoHeadBatchNorm = new(
        KnownNames.DinoAttribute, "HeadBatchNorm", "HeadBatchNorm", Boolean, "false",
        "Whether the head's hidden layers have batch norm (DINO's option); the paper's head has none.");

    /// <summary><c>[Dino(NormalizeLastLayer = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition DinoNormalizeLastLayer = new(
        KnownNames.DinoAttribute, "NormalizeLastLayer", "NormalizeLastLayer", Boolean, "true",
        "Whether every prototype stays at unit length (logits are cosines); false gives each a trainable gain.");

    /// <summary><c>[PredictiveCoding(Grid = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition CpcGrid = new(
        KnownNames.PredictiveCodingAttribute, "Grid", "Grid", Int32, "7",
        "Patches per side of the grid each image is cut into; more than Steps.",
        AtLeast("Grid", 2), DiagnosticDescriptors.CpcGrid);

    /// <summary><c>[PredictiveCoding(Steps = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition CpcSteps = new(
        KnownNames.PredictiveCodingAttribute, "Steps", "Steps", Int32, "3",
        "How many rows ahead the context network predicts.",
        AtLeast("Steps", 1), DiagnosticDescriptors.CpcSteps);

    /// <summary><c>[PredictiveCoding(ContextWidth = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition CpcContextWidth = new(
        KnownNames.PredictiveCodingAttribute, "ContextWidth", "ContextWidth", Int32, "256",
        "Channels of the context network's hidden layers.",
        AtLeast("ContextWidth", 1), DiagnosticDescriptors.CpcContextWidth);

    /// <summary>All rows, in the order their properties appear in generated options.</summary>
    public static readonly IReadOnlyList<HyperparameterDefinition> All =
    [
        JigsawGrid, JigsawPermutations, JigsawCropFraction, JigsawTileByTile, JigsawResizeTiles, ExemplarClasses, PretextSeed, DenoiseDropRate, DenoisePerChannel, DenoiseBlockSize, DenoiseNoiseSigma,
        InpaintProbability, InpaintBlocks, LatentFeatures, LatentDistribution, LatentFlattenedMaps, LightnessBinSize, ColorBinSize, OutsideWeight, NormalizedPatch, AdversarialWeight, AdversarialCycle, AdversarialLatentCycle,
        ClassificationHidden, ClassificationLabelSmoothing,
        LocalCrops, ProjectorHidden, ProjectorOut, ProjectorOutputNorm, ProjectorScaleWithFeatures, PredictorHidden, Momentum, MomentumCosine,
        Temperature, Queue, MemoryBank, BankMomentum, BankWarmStart, BatchNormGroups, SymmetricLoss, ObjectiveTemperature, ObjectiveQueue,
        BarlowTwinsLambda, BarlowTwinsLossScale, VicRegInvariance, VicRegVariance, VicRegCovariance,
        DinoPrototypes, DinoStudentTemperature, DinoTeacherTemperature, DinoWarmupTeacherTemperature, DinoWarmupProgress, DinoCenterMomentum, DinoHeadBatchNorm, DinoNormalizeLastLayer,
        CpcGrid, CpcSteps, CpcContextWidth,
    ];

    /// <summary>The rows of the attribute named <paramref name="attribute"/> (a metadata name).</summary>
    public static IEnumerable<HyperparameterDefinition> Of(string attribute) => All.Where(row => row.Attribute == attribute);

    private const string Jigsaw = "Jigsaw";
    private const string Exemplar = "Exemplar";
    private const string Denoise = "Denoise";
    private const string Inpaint = "Inpaint";
    private const string ColorSplit = "ColorSplit";

    private static HyperparameterDefinition VicRegWeight(string name, string value, string term) => new(
        KnownNames.VicRegAttribute, name, name, Double, value, $"Weight of the {term} term, at least 0.",
        AtLeast(name, 0), DiagnosticDescriptors.VicRegWeight);

    private static HyperparameterDefinition DinoTemperature(string name, string value, string what) => new(
        KnownNames.DinoAttribute, name, name, Double, value, $"{what}, greater than 0.",
        Positive(name), DiagnosticDescriptors.DinoTemperature);

    private static ValueRule AtLeast(string subject, double minimum) => new(subject, ValueRange.AtLeast(minimum));

    private static ValueRule Positive(string subject) => new(subject, ValueRange.Above(0));

    private static ValueRule Fraction(string subject) => new(subject, ValueRange.HalfOpen(0, 1));

    private static ValueRule PositiveUpTo(string subject, double maximum) => new(subject, new ValueRange(0, false, maximum, true));
}
