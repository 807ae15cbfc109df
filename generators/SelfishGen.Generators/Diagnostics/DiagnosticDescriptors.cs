using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace SelfishGen.Generators.Diagnostics;

/// <summary>
/// Every diagnostic SelfishGen reports. Ids are banded, ten per attribute or concern: <c>SSG001</c>–<c>SSG009</c>
/// declaration shape, <c>SSG010</c> <c>[Classification]</c>, <c>SSG020</c> <c>[Reconstruction]</c>, <c>SSG030</c> <c>[Contrastive]</c>, <c>SSG040</c> <c>[Pretext]</c>, <c>SSG050</c> <c>[Adversarial]</c>, <c>SSG060</c>
/// <c>[MomentumEncoder]</c>, <c>SSG070</c> heads, <c>SSG080</c> objectives, <c>SSG090</c> <c>[BarlowTwins]</c>,
/// <c>SSG100</c> <c>[VicReg]</c>, <c>SSG110</c> <c>[Dino]</c>, <c>SSG120</c> <c>[PredictiveCoding]</c>, <c>SSG130</c>
/// <c>[Views]</c>, <c>SSG140</c> <c>[Pretext]</c> continued (the colour split, denoising blocks), <c>SSG150</c> <c>[Recipe]</c>, <c>SSG160</c> types of the user's own
/// (<c>[Views(typeof(...))]</c>, <c>[Objective]</c>, <c>[Backbone]</c>). Each id has a section in <c>docs/diagnostics.md</c>.
/// Range and relation diagnostics (<see cref="HyperparameterAnalyzer"/>, <see cref="RelationAnalyzer"/>) carry the
/// message of the run-time check as their whole message.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Declaration = "SelfishGen.Declaration";
    private const string Hyperparameters = "SelfishGen.Hyperparameters";
    private const string Composition = "SelfishGen.Composition";
    /// <summary>The diagnostics page (absolute URL, from the build's <c>SelfishDiagnosticsUrl</c>) plus '#'.</summary>
    private static readonly string HelpRoot = typeof(DiagnosticDescriptors).Assembly
        .GetCustomAttributes(typeof(AssemblyMetadataAttribute), inherit: false)
        .Cast<AssemblyMetadataAttribute>()
        .Single(metadata => metadata.Key == "SelfishGen.DiagnosticsUrl").Value + "#";

    /// <summary>SSG001: a class with SelfishGen method attributes is not <c>partial</c>.</summary>
    public static readonly DiagnosticDescriptor NotPartial = Error(
        "SSG001",
        Declaration,
        "Method class must be partial",
        "'{0}' declares a SelfishGen method but is not partial, so no code can be generated for it: add the 'partial' modifier");

    /// <summary>SSG002: a class with SelfishGen method attributes does not derive from <c>SelfSupervisedMethod</c>.</summary>
    public static readonly DiagnosticDescriptor NotAMethod = Error(
        "SSG002",
        Declaration,
        "Method class must derive from SelfSupervisedMethod",
        "'{0}' declares a SelfishGen method but does not derive from SelfishGen.SelfSupervisedMethod: add ': SelfSupervisedMethod' to its declaration");

    /// <summary>SSG004: a method class nested in another type, or generic.</summary>
    public static readonly DiagnosticDescriptor NestedOrGeneric = Error(
        "SSG004",
        Declaration,
        "Method class must be top-level and not generic",
        "'{0}' is {1}, and SelfishGen generates top-level, non-generic method classes only: declare it directly in a namespace, without type parameters");

    /// <summary>SSG003: a method declares a pretext task without an objective, or an objective without a pretext task.</summary>
    public static readonly DiagnosticDescriptor MissingPiece = Error(
        "SSG003",
        Declaration,
        "Method declaration is missing a piece",
        "'{0}' declares {1} but no {2}: add {3}");

    /// <summary>SSG010: a hidden layer of the classification head has a width below 1.</summary>
    public static readonly DiagnosticDescriptor ClassificationHiddenWidth = Range("SSG010", "Classification head widths must be at least 1");

    /// <summary>SSG011: the classification label smoothing lies outside [0, 1).</summary>
    public static readonly DiagnosticDescriptor ClassificationLabelSmoothing = Range("SSG011", "Label smoothing must be in [0, 1)");

    /// <summary>SSG020: the reconstruction weight outside the erased blocks lies outside [0, 1].</summary>
    public static readonly DiagnosticDescriptor OutsideWeight = Range("SSG020", "Outside weight must be in [0, 1]");

    /// <summary>SSG021: the side of the patches a reconstruction target is normalised over is below 0.</summary>
    public static readonly DiagnosticDescriptor NormalizedPatch = Range("SSG021", "Normalized patch must be at least 0");

    /// <summary>SSG030: the contrastive temperature is not greater than 0.</summary>
    public static readonly DiagnosticDescriptor ContrastiveTemperature = Range("SSG030", "Contrastive temperature must be greater than 0");

    /// <summary>SSG031: the queue holds fewer than one key.</summary>
    public static readonly DiagnosticDescriptor QueueSize = Range("SSG031", "Queue size must be at least 1");

    /// <summary>SSG032: fewer than one negative is drawn from the memory bank.</summary>
    public static readonly DiagnosticDescriptor MemoryBankNegatives = Range("SSG032", "Memory bank negatives must be at least 1");

    /// <summary>SSG033: the memory bank momentum lies outside [0, 1).</summary>
    public static readonly DiagnosticDescriptor BankMomentum = Range("SSG033", "Memory bank momentum must be in [0, 1)");

    /// <summary>SSG034: a contrastive objective declares both a queue and a memory bank.</summary>
    public static readonly DiagnosticDescriptor QueueAndMemoryBank = Error(
        "SSG034",
        Composition,
        "A queue and a memory bank cannot be combined",
        "'{0}' declares both a queue and a memory bank of negatives: keep one (Queue for momentum keys, MemoryBank for one entry per image)");

    /// <summary>SSG035: a contrastive method without a memory bank declares fewer than two views.</summary>
    public static readonly DiagnosticDescriptor TooFewViews = Error(
        "SSG035",
        Composition,
        "A contrastive method needs two views",
        "'{0}' contrasts views but declares {1}: declare two views, e.g. [Views(ViewAugmentation.SimClr, ViewAugmentation.SimClr)], or a MemoryBank to contrast against");

    /// <summary>SSG036: fewer than one batch-norm group.</summary>
    public static readonly DiagnosticDescriptor BatchNormGroups = Range("SSG036", "Batch-norm groups must be at least 1");

    /// <summary>SSG037: an argument about a momentum encoder's keys (batch-norm groups, a symmetric loss) without one.</summary>
    public static readonly DiagnosticDescriptor KeysWithoutMomentum = Error(
        "SSG037",
        Composition,
        "The argument needs a momentum encoder",
        "'{0}' sets {1}, which {2} the keys of a momentum encoder, but declares no [MomentumEncoder]: add [MomentumEncoder] or remove {1}");

    /// <summary>SSG040: the jigsaw grid has fewer than 2 cells per side.</summary>
    public static readonly DiagnosticDescriptor JigsawGrid = Range("SSG040", "Jigsaw grid must be at least 2");

    /// <summary>SSG041: a negative number of jigsaw permutations.</summary>
    public static readonly DiagnosticDescriptor JigsawPermutations = Range("SSG041", "Jigsaw permutations must be at least 0");

    /// <summary>SSG042: the jigsaw crop fraction lies outside (0, 1].</summary>
    public static readonly DiagnosticDescriptor JigsawCropFraction = Range("SSG042", "Jigsaw crop fraction must be in (0, 1]");

    /// <summary>SSG043: fewer than one exemplar class or inpainting block.</summary>
    public static readonly DiagnosticDescriptor PretextCount = Range("SSG043", "Pretext counts must be at least 1");

    /// <summary>SSG044: the denoising drop rate lies outside [0, 1).</summary>
    public static readonly DiagnosticDescriptor DenoiseDropRate = Range("SSG044", "Drop rate must be in [0, 1)");

    /// <summary>SSG045: the denoising noise has a negative standard deviation.</summary>
    public static readonly DiagnosticDescriptor DenoiseNoiseSigma = Range("SSG045", "Noise sigma must be at least 0");

    /// <summary>SSG046: more jigsaw permutations than the grid has (or than a max-Hamming set is chosen among).</summary>
    public static readonly DiagnosticDescriptor TooManyPermutations = Relation("SSG046", "More permutations than the jigsaw grid offers");

    /// <summary>SSG047: an argument (of <c>[Pretext]</c> or an objective) that the declared pretext kind does not use.</summary>
    public static readonly DiagnosticDescriptor PretextArgumentNotUsed = Error(
        "SSG047",
        Composition,
        "Argument does not apply to this pretext task",
        "'{0}' sets {1}, which a {2} pretext does not use (it applies to {3}): remove it");

    /// <summary>SSG048: an objective that does not fit the pretext task's targets.</summary>
    public static readonly DiagnosticDescriptor PretextObjectiveMismatch = Error(
        "SSG048",
        Composition,
        "Objective does not fit the pretext task",
        "'{0}' declares a {1} pretext, whose targets need [{2}], but declares [{3}]: use [{2}]");

    /// <summary>SSG049: the inpainting block probability lies outside (0, 1].</summary>
    public static readonly DiagnosticDescriptor InpaintProbability = Range("SSG049", "Inpainting probability must be in (0, 1]");

    /// <summary>SSG050: the adversarial share of the loss lies outside [0, 1).</summary>
    public static readonly DiagnosticDescriptor AdversarialWeight = Range("SSG050", "Adversarial weight must be in [0, 1)");

    /// <summary>SSG054: the weight of a latent pretext's cycle term is below 0.</summary>
    public static readonly DiagnosticDescriptor AdversarialCycle = Range("SSG054", "Cycle weight must be at least 0");

    /// <summary>SSG055: the weight of a latent pretext's latent cycle term is below 0.</summary>
    public static readonly DiagnosticDescriptor AdversarialLatentCycle = Range("SSG055", "Latent cycle weight must be at least 0");

    /// <summary>SSG051: an adversarial loss without an inpainting or latent pretext, which give the discriminator something to judge.</summary>
    public static readonly DiagnosticDescriptor AdversarialWithoutInpaint = Error(
        "SSG051",
        Composition,
        "An adversarial loss needs an inpainting or latent pretext",
        "'{0}' declares [Adversarial] but {1}, which gives its discriminator nothing to judge: declare [Pretext(PretextKind.Inpaint)] with [Reconstruction], or [Pretext(PretextKind.Latent)]");

    /// <summary>SSG053: an adversarial weight without a reconstruction to weigh it against.</summary>
    public static readonly DiagnosticDescriptor AdversarialWeightAlone = Error(
        "SSG053",
        Composition,
        "An adversarial weight needs a reconstruction",
        "'{0}' sets the adversarial Weight, but without [Reconstruction] the adversarial loss is the whole objective: remove Weight");

    /// <summary>SSG052: [Adversarial] and the AdversarialMethod base class do not come together.</summary>
    public static readonly DiagnosticDescriptor AdversarialBase = Error(
        "SSG052",
        Declaration,
        "An adversarial method derives from AdversarialMethod",
        "'{0}' {1}: the alternating discriminator steps come from SelfishGen.AdversarialMethod, so declare [Adversarial] and derive from AdversarialMethod together");

    /// <summary>SSG060: the EMA momentum lies outside [0, 1).</summary>
    public static readonly DiagnosticDescriptor Momentum = Range("SSG060", "Momentum must be in [0, 1)");

    /// <summary>SSG070: a hidden layer of the projector has a width below 1.</summary>
    public static readonly DiagnosticDescriptor ProjectorHiddenWidth = Range("SSG070", "Projector widths must be at least 1");

    /// <summary>SSG071: the projector's output width is below 1.</summary>
    public static readonly DiagnosticDescriptor ProjectorOut = Range("SSG071", "Projector output width must be at least 1");

    /// <summary>SSG072: a hidden layer of the predictor has a width below 1.</summary>
    public static readonly DiagnosticDescriptor PredictorHiddenWidth = Range("SSG072", "Predictor widths must be at least 1");

    /// <summary>SSG073: a predictor with neither a momentum encoder nor a stop-gradient objective.</summary>
    public static readonly DiagnosticDescriptor PredictorWithoutTarget = Error(
        "SSG073",
        Composition,
        "A predictor needs a momentum encoder or a stop-gradient",
        "'{0}' declares a predictor with neither a momentum encoder nor a stop-gradient objective, so both branches can collapse to a constant: add [MomentumEncoder] or use [Bootstrap]");

    /// <summary>SSG074: the backbone features the projector's widths are declared for are negative.</summary>
    public static readonly DiagnosticDescriptor ProjectorScaleWithFeatures = Range("SSG074", "Projector widths must be declared for 1 or more backbone features, or 0");

    /// <summary>SSG080: a class declares more than one objective.</summary>
    public static readonly DiagnosticDescriptor TwoObjectives = Error(
        "SSG080",
        Composition,
        "A method has one objective",
        "'{0}' declares the objectives {1}: keep one");

    /// <summary>SSG081: a piece or argument that the declared objective on views does not use.</summary>
    public static readonly DiagnosticDescriptor UnusedPiece = Error(
        "SSG081",
        Composition,
        "The objective does not use this piece",
        "'{0}' declares {1}, which its objective {2} does not use (only {3} does): remove it, or declare an objective that uses it");

    /// <summary>SSG090: the Barlow Twins off-diagonal weight is negative.</summary>
    public static readonly DiagnosticDescriptor BarlowTwinsLambda = Range("SSG090", "Barlow Twins lambda must be at least 0");

    /// <summary>SSG091: the Barlow Twins loss scale is not greater than 0.</summary>
    public static readonly DiagnosticDescriptor BarlowTwinsLossScale = Range("SSG091", "Barlow Twins loss scale must be greater than 0");

    /// <summary>SSG100: a VICReg term weight is negative.</summary>
    public static readonly DiagnosticDescriptor VicRegWeight = Range("SSG100", "VICReg weights must be at least 0");

    /// <summary>SSG110: DINO has fewer than one prototype.</summary>
    public static readonly DiagnosticDescriptor DinoPrototypes = Range("SSG110", "DINO prototypes must be at least 1");

    /// <summary>SSG111: a DINO temperature is not greater than 0.</summary>
    public static readonly DiagnosticDescriptor DinoTemperature = Range("SSG111", "DINO temperatures must be greater than 0");

    /// <summary>SSG112: the DINO teacher-temperature warm-up lies outside [0, 1).</summary>
    public static readonly DiagnosticDescriptor DinoWarmup = Range("SSG112", "DINO warm-up must be in [0, 1)");

    /// <summary>SSG113: the DINO centre momentum lies outside [0, 1).</summary>
    public static readonly DiagnosticDescriptor DinoCenterMomentum = Range("SSG113", "DINO centre momentum must be in [0, 1)");

    /// <summary>SSG114: fewer views than DINO's teacher and student need.</summary>
    public static readonly DiagnosticDescriptor DinoViews = Relation("SSG114", "DINO needs a teacher view and two student views");

    /// <summary>SSG120: the CPC grid has fewer than 2 patches per side.</summary>
    public static readonly DiagnosticDescriptor CpcGrid = Range("SSG120", "CPC grid must be at least 2");

    /// <summary>SSG121: CPC predicts fewer than 1 step ahead.</summary>
    public static readonly DiagnosticDescriptor CpcSteps = Range("SSG121", "CPC steps must be at least 1");

    /// <summary>SSG122: the CPC context network is narrower than 1 channel.</summary>
    public static readonly DiagnosticDescriptor CpcContextWidth = Range("SSG122", "CPC context width must be at least 1");

    /// <summary>SSG123: a CPC grid no larger than the steps it predicts ahead.</summary>
    public static readonly DiagnosticDescriptor CpcGridSteps = Relation("SSG123", "CPC grid must be greater than its steps plus one");

    /// <summary>SSG130: a negative number of local crops.</summary>
    public static readonly DiagnosticDescriptor LocalCrops = Range("SSG130", "Local crops must be at least 0");

    /// <summary>SSG131: more or fewer views than the objective on them compares.</summary>
    public static readonly DiagnosticDescriptor ViewCount = Error(
        "SSG131",
        Composition,
        "The views do not fit the objective",
        "'{0}' declares {1}, but its objective {2} compares {3}: declare {3}");

    /// <summary>SSG132: a pretext task declared with other than one view.</summary>
    public static readonly DiagnosticDescriptor PretextViewCount = Error(
        "SSG132",
        Composition,
        "A pretext task takes one view",
        "'{0}' declares {1}, but its pretext task sees each image once, through one view that augments it before the task makes its inputs and targets: declare one view");

    /// <summary>SSG140: the colour split's lightness bin size lies outside (0, 50].</summary>
    public static readonly DiagnosticDescriptor LightnessBinSize = Range("SSG140", "Lightness bin size must be in (0, 50]");

    /// <summary>SSG141: the colour split's colour bin size lies outside (0, 117].</summary>
    public static readonly DiagnosticDescriptor ColorBinSize = Range("SSG141", "Colour bin size must be in (0, 117]");

    /// <summary>SSG142: the denoising blocks are less than one pixel wide.</summary>
    public static readonly DiagnosticDescriptor DenoiseBlockSize = Range("SSG142", "Denoise block size must be at least 1");

    /// <summary>SSG150: a recipe's learning rate is not greater than 0.</summary>
    public static readonly DiagnosticDescriptor RecipeLearningRate = Range("SSG150", "A recipe's learning rate must be greater than 0");

    /// <summary>SSG151: a recipe's weight decay (start or end) is negative.</summary>
    public static readonly DiagnosticDescriptor RecipeWeightDecay = Range("SSG151", "A recipe's weight decay must be at least 0");

    /// <summary>SSG152: a recipe's momentum or Adam beta lies outside [0, 1).</summary>
    public static readonly DiagnosticDescriptor RecipeMomentum = Range("SSG152", "A recipe's momentum and betas must be in [0, 1)");

    /// <summary>SSG153: a recipe's count (batch size, reference batch, warm-up or frozen epochs) is too small.</summary>
    public static readonly DiagnosticDescriptor RecipeCount = Range("SSG153", "A recipe's batch size must be at least 2, its epochs and reference batch at least 0");

    /// <summary>SSG154: a recipe's gradient clip is not greater than 0.</summary>
    public static readonly DiagnosticDescriptor RecipeGradientClip = Range("SSG154", "A recipe's gradient clip must be greater than 0");

    /// <summary>SSG155: a recipe sets an optimizer argument its optimizer does not use, or freezes a last layer the method does not have.</summary>
    public static readonly DiagnosticDescriptor RecipeUnusedArgument = Error(
        "SSG155",
        Composition,
        "The recipe sets something its method or optimizer does not use",
        "'{0}' sets {1}, which {2} does not use: remove it{3}");

    /// <summary>SSG156: <c>[Recipe]</c> on a class that declares no method.</summary>
    public static readonly DiagnosticDescriptor RecipeWithoutMethod = Error(
        "SSG156",
        Declaration,
        "A recipe needs a method declaration",
        "'{0}' has a [Recipe] but no method attributes (an objective such as [Contrastive] or [Classification]): declare the method, or remove the recipe");
    /// <summary>SSG157: a recipe's LARS trust coefficient is not greater than 0.</summary>
    public static readonly DiagnosticDescriptor RecipeLarsTrust = Range("SSG157", "A recipe's LARS trust coefficient must be greater than 0");

    /// <summary>SSG160: a type of the user's own does not implement (or derive from) what its part needs.</summary>
    public static readonly DiagnosticDescriptor OwnTypeKind = Error(
        "SSG160",
        Declaration,
        "The type does not fit its part",
        "'{0}' declares {1} as its {2}, but {1} does not {3} {4}: {3} {4}, or name another type");

    /// <summary>SSG161: a type of the user's own cannot be created: abstract, static, an interface, open generic, or not accessible.</summary>
    public static readonly DiagnosticDescriptor OwnTypeNotCreatable = Error(
        "SSG161",
        Declaration,
        "The type cannot be created",
        "'{0}' declares {1} as its {2}, but {1} is {3}, so the generated code cannot create it: name a non-abstract, non-generic class the method's assembly can see");

    /// <summary>SSG162: a type of the user's own has no public constructor of a form the generated code calls.</summary>
    public static readonly DiagnosticDescriptor OwnTypeConstructor = Error(
        "SSG162",
        Declaration,
        "The type has no constructor the generated code can call",
        "'{0}' declares {1} as its {2}, but {1} has no public constructor that takes {3}: add 'public {4}({5})'");

    /// <summary>SSG163: the user's backbone does not override <c>Replicate</c>, which a piece of the declaration needs.</summary>
    public static readonly DiagnosticDescriptor OwnBackboneReplicate = Error(
        "SSG163",
        Composition,
        "The backbone cannot build a copy of itself",
        "'{0}' declares {1}, which builds a copy of the backbone, but {2} does not override Backbone.Replicate: override it to build a new {2} for the given image shape");

    /// <summary>SSG164: the temperature of an objective of the user's own is not greater than 0.</summary>
    public static readonly DiagnosticDescriptor ObjectiveTemperature = Range("SSG164", "Objective temperature must be greater than 0");

    /// <summary>SSG165: the queue of an objective of the user's own holds fewer than one embedding.</summary>
    public static readonly DiagnosticDescriptor ObjectiveQueue = Range("SSG165", "Objective queue size must be at least 1");

    // A hyperparameter outside its rule's range; the message is the rule's.
    private static DiagnosticDescriptor Range(string id, string title) => Error(id, Hyperparameters, title, "{0}");

    // Hyperparameters that break a relation the runtime checks; the message is the runtime check's.
    private static DiagnosticDescriptor Relation(string id, string title) => Error(id, Hyperparameters, title, "{0}");

    private static DiagnosticDescriptor Error(string id, string category, string title, string message) =>
        new(id, title, message, category, DiagnosticSeverity.Error, isEnabledByDefault: true,
            helpLinkUri: HelpRoot + id.ToLowerInvariant());
}
