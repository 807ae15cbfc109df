using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SelfishGen.Generators.Tests.Infrastructure;
using SelfishGen.Testing;

namespace SelfishGen.Generators.Tests;

/// <summary>Each diagnostic fires on a bad declaration, exactly on the offending text, and not on good ones.</summary>
public class DiagnosticTests
{
    public static TheoryData<string, string, string> BadDeclarations => new()
    {
        { "[Pretext(PretextKind.Rotation), Classification] public class Spin : SelfSupervisedMethod;", "SSG001", "Spin" },
        { "[Pretext(PretextKind.Rotation), Classification] public partial class Spin;", "SSG002", "Spin" },
        { "public static class Outer { [Pretext(PretextKind.Rotation), Classification] public partial class Spin : SelfSupervisedMethod; }", "SSG004", "Spin" },
        { "[Pretext(PretextKind.Rotation), Classification] public partial class Spin<T> : SelfSupervisedMethod;", "SSG004", "Spin" },
        { "[Pretext(PretextKind.Rotation)] public partial class Spin : SelfSupervisedMethod;", "SSG003", "Spin" },
        { "[Classification] public partial class Spin : SelfSupervisedMethod;", "SSG003", "Spin" },
        { "[Pretext(PretextKind.Rotation), Classification(Hidden = [512, 0])] public partial class Spin : SelfSupervisedMethod;", "SSG010", "Hidden = [512, 0]" },
        { "[Pretext(PretextKind.Rotation), Classification(LabelSmoothing = 1.0)] public partial class Spin : SelfSupervisedMethod;", "SSG011", "LabelSmoothing = 1.0" },
        { "[Pretext(PretextKind.Rotation), Classification(LabelSmoothing = -0.1)] public partial class Spin : SelfSupervisedMethod;", "SSG011", "LabelSmoothing = -0.1" },
        { $"[Pretext(PretextKind.Jigsaw, Grid = 1), Classification] {Method}", "SSG040", "Grid = 1" },
        { $"[Pretext(PretextKind.Jigsaw, Permutations = -1), Classification] {Method}", "SSG041", "Permutations = -1" },
        { $"[Pretext(PretextKind.Jigsaw, CropFraction = 0.0), Classification] {Method}", "SSG042", "CropFraction = 0.0" },
        { $"[Pretext(PretextKind.Jigsaw, CropFraction = 1.5), Classification] {Method}", "SSG042", "CropFraction = 1.5" },
        { $"[Pretext(PretextKind.Exemplar, Classes = 0), Classification] {Method}", "SSG043", "Classes = 0" },
        { $"[Pretext(PretextKind.Denoise, DropRate = 1.0), Reconstruction] {Method}", "SSG044", "DropRate = 1.0" },
        { $"[Pretext(PretextKind.Denoise, NoiseSigma = -0.1), Reconstruction] {Method}", "SSG045", "NoiseSigma = -0.1" },
        { $"[Pretext(PretextKind.Jigsaw, Permutations = 25), Classification] {Method}", "SSG046", "Permutations = 25" },
        { $"[Pretext(PretextKind.Jigsaw, Grid = 3, Permutations = 362881), Classification] {Method}", "SSG046", "Permutations = 362881" },
        { $"[Pretext(PretextKind.Rotation, Grid = 3), Classification] {Method}", "SSG047", "Grid = 3" },
        { $"[Pretext(PretextKind.Denoise, Seed = 1), Reconstruction] {Method}", "SSG047", "Seed = 1" },
        { $"[Pretext(PretextKind.Denoise), Classification] {Method}", "SSG048", "Classification" },
        { $"[Pretext(PretextKind.Jigsaw), Reconstruction] {Method}", "SSG048", "Reconstruction" },
        { $"[Reconstruction] {Method}", "SSG003", "M" },
        { $"[Pretext(PretextKind.Inpaint, Blocks = 0), Reconstruction] {Method}", "SSG043", "Blocks = 0" },
        { $"[Pretext(PretextKind.Inpaint, Probability = 0.0), Reconstruction] {Method}", "SSG049", "Probability = 0.0" },
        { $"[Pretext(PretextKind.Inpaint), Reconstruction(OutsideWeight = 1.5)] {Method}", "SSG020", "OutsideWeight = 1.5" },
        { $"[Pretext(PretextKind.Inpaint), Reconstruction(OutsideWeight = -0.1)] {Method}", "SSG020", "OutsideWeight = -0.1" },
        { $"[Pretext(PretextKind.Denoise), Reconstruction(OutsideWeight = 0.5)] {Method}", "SSG047", "OutsideWeight = 0.5" },
        { $"[Pretext(PretextKind.Denoise), Reconstruction(NormalizedPatch = -1)] {Method}", "SSG021", "NormalizedPatch = -1" },
        { $"[Pretext(PretextKind.Inpaint), Reconstruction(NormalizedPatch = 4)] {Method}", "SSG047", "NormalizedPatch = 4" },
        { $"[Pretext(PretextKind.Inpaint), Reconstruction, Adversarial(Cycle = 1.0)] {Adversarial}", "SSG047", "Cycle = 1.0" },
        { $"[Pretext(PretextKind.Jigsaw, Probability = 0.5), Classification] {Method}", "SSG047", "Probability = 0.5" },
        { $"[Pretext(PretextKind.Inpaint), Reconstruction, Adversarial(Weight = 1.0)] {Adversarial}", "SSG050", "Weight = 1.0" },
        { $"[Pretext(PretextKind.Latent), Adversarial(Cycle = -1.0)] {Adversarial}", "SSG054", "Cycle = -1.0" },
        { $"[Pretext(PretextKind.Latent), Adversarial(LatentCycle = -1.0)] {Adversarial}", "SSG055", "LatentCycle = -1.0" },
        { $"[Pretext(PretextKind.Inpaint), Reconstruction, Adversarial(LatentCycle = 1.0)] {Adversarial}", "SSG047", "LatentCycle = 1.0" },
        { $"[Pretext(PretextKind.Denoise), Reconstruction, Adversarial] {Adversarial}", "SSG051", "Adversarial" },
        { $"[Adversarial] {Adversarial}", "SSG051", "Adversarial" },
        { $"[Pretext(PretextKind.Inpaint), Reconstruction, Adversarial] {Method}", "SSG052", "M" },
        { $"[Pretext(PretextKind.Inpaint), Reconstruction] {Adversarial}", "SSG052", "M" },
        { $"[Pretext(PretextKind.Latent, Features = 200), Adversarial(Weight = 0.1)] {Adversarial}", "SSG053", "Weight = 0.1" },
        { $"[Pretext(PretextKind.Latent, Features = 0), Adversarial] {Adversarial}", "SSG043", "Features = 0" },
        { $"[Pretext(PretextKind.Latent), Classification] {Method}", "SSG048", "Classification" },
        { $"[Pretext(PretextKind.Rotation, Distribution = LatentDistribution.Normal), Classification] {Method}", "SSG047", "Distribution = LatentDistribution.Normal" },
        { $"[Pretext(PretextKind.Inpaint), Adversarial] {Adversarial}", "SSG048", "Adversarial" },
        { $"[PixelClassification] {Method}", "SSG003", "M" },
        { $"[Pretext(PretextKind.ColorSplit), Classification] {Method}", "SSG048", "Classification" },
        { $"[Pretext(PretextKind.Rotation), PixelClassification] {Method}", "SSG048", "PixelClassification" },
        { $"[Pretext(PretextKind.Rotation, ColorBinSize = 10.0), Classification] {Method}", "SSG047", "ColorBinSize = 10.0" },
        { $"[Pretext(PretextKind.ColorSplit, LightnessBinSize = 0.0), PixelClassification] {Method}", "SSG140", "LightnessBinSize = 0.0" },
        { $"[Pretext(PretextKind.ColorSplit, LightnessBinSize = 60.0), PixelClassification] {Method}", "SSG140", "LightnessBinSize = 60.0" },
        { $"[Pretext(PretextKind.ColorSplit, ColorBinSize = 118.0), PixelClassification] {Method}", "SSG141", "ColorBinSize = 118.0" },
        { $"[Pretext(PretextKind.ColorSplit, ColorBinSize = -26.0), PixelClassification] {Method}", "SSG141", "ColorBinSize = -26.0" },
        { $"[Pretext(PretextKind.Denoise, BlockSize = 0), Reconstruction] {Method}", "SSG142", "BlockSize = 0" },
        { $"[{TwoViews}, Contrastive] {Method}", "SSG003", "M" },
        { $"[{TwoViews}, Projector] {Method}", "SSG003", "M" },
        { $"[{TwoViews}, Projector, Bootstrap] {Method}", "SSG003", "M" },
        { $"[{TwoViews}, Projector, Dino] {Method}", "SSG003", "M" },
        { $"[{TwoViews}, Projector, Contrastive(Temperature = 0.0)] {Method}", "SSG030", "Temperature = 0.0" },
        { $"[{TwoViews}, Projector, Contrastive(Queue = 0)] {Method}", "SSG031", "Queue = 0" },
        { $"[Views(ViewAugmentation.Cpc), Projector, Contrastive(MemoryBank = -5)] {Method}", "SSG032", "MemoryBank = -5" },
        { $"[Views(ViewAugmentation.Cpc), Projector, Contrastive(MemoryBank = 8, BankMomentum = 1.0)] {Method}", "SSG033", "BankMomentum = 1.0" },
        { $"[Views(ViewAugmentation.Cpc), Projector, Contrastive(Queue = 8, MemoryBank = 8)] {Method}", "SSG034", "MemoryBank = 8" },
        { $"[Views(ViewAugmentation.SimClr), Projector, Contrastive] {Method}", "SSG035", "Views(ViewAugmentation.SimClr)" },
        { $"[{TwoViews}, Projector, MomentumEncoder, Contrastive(Queue = 8, BatchNormGroups = 0)] {Method}", "SSG036", "BatchNormGroups = 0" },
        { $"[{TwoViews}, Projector, Contrastive(BatchNormGroups = 4)] {Method}", "SSG037", "BatchNormGroups = 4" },
        { $"[{TwoViews}, Projector, Contrastive(SymmetricLoss = true)] {Method}", "SSG037", "SymmetricLoss = true" },
        { $"[{TwoViews}, Projector, Predictor, MomentumEncoder(Momentum = 1.0), Bootstrap] {Method}", "SSG060", "Momentum = 1.0" },
        { $"[{TwoViews}, Projector, Predictor, MomentumEncoder(Momentum = -0.1), Bootstrap] {Method}", "SSG060", "Momentum = -0.1" },
        { $"[{TwoViews}, Projector(Hidden = [64, 0]), BarlowTwins] {Method}", "SSG070", "Hidden = [64, 0]" },
        { $"[{TwoViews}, Projector(Out = 0), BarlowTwins] {Method}", "SSG071", "Out = 0" },
        { $"[{TwoViews}, Projector, Predictor(Hidden = [0]), Bootstrap] {Method}", "SSG072", "Hidden = [0]" },
        { $"[{TwoViews}, Projector, Predictor, Contrastive] {Method}", "SSG073", "Predictor" },
        { $"[{TwoViews}, Projector(ScaleWithFeatures = -1), BarlowTwins] {Method}", "SSG074", "ScaleWithFeatures = -1" },
        { $"[{TwoViews}, Projector, Contrastive, BarlowTwins] {Method}", "SSG080", "BarlowTwins" },
        { $"[{TwoViews}, Projector, BarlowTwins(Lambda = -1.0)] {Method}", "SSG090", "Lambda = -1.0" },
        { $"[{TwoViews}, Projector, BarlowTwins(LossScale = 0.0)] {Method}", "SSG091", "LossScale = 0.0" },
        { $"[{TwoViews}, Projector, VicReg(Variance = -1.0)] {Method}", "SSG100", "Variance = -1.0" },
        { $"[{TwoViews}, Projector, MomentumEncoder, Dino(Prototypes = 0)] {Method}", "SSG110", "Prototypes = 0" },
        { $"[{TwoViews}, Projector, MomentumEncoder, Dino(StudentTemperature = 0.0)] {Method}", "SSG111", "StudentTemperature = 0.0" },
        { $"[{TwoViews}, Projector, MomentumEncoder, Dino(WarmupProgress = 1.0)] {Method}", "SSG112", "WarmupProgress = 1.0" },
        { $"[{TwoViews}, Projector, MomentumEncoder, Dino(CenterMomentum = -0.5)] {Method}", "SSG113", "CenterMomentum = -0.5" },
        { $"[Pretext(PretextKind.Jigsaw, Grid = 3, Permutations = 20001), Classification] {Method}", "SSG046", "Permutations = 20001" },
        { $"[Pretext(PretextKind.Jigsaw, Grid = 4, Permutations = 1000000), Classification] {Method}", "SSG046", "Permutations = 1000000" },
        { $"[{TwoViews}, Projector(PerView = true), BarlowTwins] {Method}", "SSG081", "PerView = true" },
        { $"[Views(ViewAugmentation.Cpc), LabEncoders, Projector, Contrastive(MemoryBank = 8)] {Method}", "SSG081", "LabEncoders" },
        { $"[{TwoViews}, Projector, MomentumEncoder, VicReg] {Method}", "SSG081", "MomentumEncoder" },
        { $"[Views(ViewAugmentation.Cpc), Projector, MomentumEncoder, Contrastive(MemoryBank = 8)] {Method}", "SSG081", "MomentumEncoder" },
        { $"[{TwoViews}, Projector, Predictor, MomentumEncoder, Contrastive] {Method}", "SSG081", "Predictor" },
        { $"[Views(ViewAugmentation.SimClr, ViewAugmentation.SimClr, LocalCrops = 2), Projector, BarlowTwins] {Method}", "SSG081", "LocalCrops = 2" },
        { $"[Views(ViewAugmentation.DinoGlobal1, ViewAugmentation.DinoGlobal2), Projector(OutputNorm = true), MomentumEncoder, Dino] {Method}", "SSG081", "OutputNorm = true" },
        { $"[Views(ViewAugmentation.Jigsaw), Projector, MomentumEncoder, Dino] {Method}", "SSG114", "Views(ViewAugmentation.Jigsaw)" },
        { $"[Views(ViewAugmentation.DinoGlobal1, LocalCrops = 0), Projector, MomentumEncoder, Dino] {Method}", "SSG114", "LocalCrops = 0" },
        { $"[PredictiveCoding(Grid = 1)] {Method}", "SSG120", "Grid = 1" },
        { $"[PredictiveCoding(Steps = 0)] {Method}", "SSG121", "Steps = 0" },
        { $"[PredictiveCoding(ContextWidth = 0)] {Method}", "SSG122", "ContextWidth = 0" },
        { $"[PredictiveCoding(Grid = 5, Steps = 9)] {Method}", "SSG123", "Steps = 9" },
        { $"[PredictiveCoding(Grid = 4)] {Method}", "SSG123", "Grid = 4" },
        { $"[PredictiveCoding(Steps = 7)] {Method}", "SSG123", "Steps = 7" },
        { $"[Views(ViewAugmentation.DinoGlobal1, ViewAugmentation.DinoGlobal2, LocalCrops = -1), Projector, MomentumEncoder, Dino] {Method}", "SSG130", "LocalCrops = -1" },
        { $"[Views(ViewAugmentation.SimClr), Projector, Predictor, Bootstrap] {Method}", "SSG131", "Views(ViewAugmentation.SimClr)" },
        { $"[Views(ViewAugmentation.SimClr, ViewAugmentation.SimClr, ViewAugmentation.SimClr), Projector, Contrastive] {Method}", "SSG131", "Views(ViewAugmentation.SimClr, ViewAugmentation.SimClr, ViewAugmentation.SimClr)" },
        { $"[Views, Projector, MomentumEncoder, Dino] {Method}", "SSG114", "Views" },
        { $"[Views(ViewAugmentation.Cpc), Projector(PerView = true), Contrastive(MemoryBank = 8)] {Method}", "SSG131", "Views(ViewAugmentation.Cpc)" },
        { $"[Views(ViewAugmentation.Cpc, ViewAugmentation.Cpc, ViewAugmentation.Cpc), Projector, Contrastive(MemoryBank = 8)] {Method}", "SSG131", "Views(ViewAugmentation.Cpc, ViewAugmentation.Cpc, ViewAugmentation.Cpc)" },
        { $"[Views(ViewAugmentation.PaddedCrop)] {Method}", "SSG003", "M" },
        { $"[Views(ViewAugmentation.PaddedCrop, ViewAugmentation.PaddedCrop), Pretext(PretextKind.Rotation), Classification] {Method}", "SSG132", "Views(ViewAugmentation.PaddedCrop, ViewAugmentation.PaddedCrop)" },
        { $"[Views(ViewAugmentation.PaddedCrop, LocalCrops = 2), Pretext(PretextKind.Rotation), Classification] {Method}", "SSG081", "LocalCrops = 2" },
        { $"[Views(ViewAugmentation.PaddedCrop), Pretext(PretextKind.Latent), Adversarial] {Adversarial}", "SSG081", "Views(ViewAugmentation.PaddedCrop)" },
        { $"[Pretext(PretextKind.Rotation), Classification, Recipe(LearningRate = 0.0)] {Method}", "SSG150", "LearningRate = 0.0" },
        { $"[Pretext(PretextKind.Rotation), Classification, Recipe(WeightDecay = -1e-4)] {Method}", "SSG151", "WeightDecay = -1e-4" },
        { $"[Pretext(PretextKind.Rotation), Classification, Recipe(FinalWeightDecay = -0.4)] {Method}", "SSG151", "FinalWeightDecay = -0.4" },
        { $"[Pretext(PretextKind.Rotation), Classification, Recipe(Optimizer = OptimizerKind.Sgd, Momentum = 1.0)] {Method}", "SSG152", "Momentum = 1.0" },
        { $"[Pretext(PretextKind.Rotation), Classification, Recipe(Beta1 = -0.5)] {Method}", "SSG152", "Beta1 = -0.5" },
        { $"[Pretext(PretextKind.Rotation), Classification, Recipe(BatchSize = 1)] {Method}", "SSG153", "BatchSize = 1" },
        { $"[Pretext(PretextKind.Rotation), Classification, Recipe(ScaleWithBatch = -256)] {Method}", "SSG153", "ScaleWithBatch = -256" },
        { $"[Pretext(PretextKind.Rotation), Classification, Recipe(WarmupEpochs = -1)] {Method}", "SSG153", "WarmupEpochs = -1" },
        { $"[Pretext(PretextKind.Rotation), Classification, Recipe(GradientClip = 0.0)] {Method}", "SSG154", "GradientClip = 0.0" },
        { $"[Pretext(PretextKind.Rotation), Classification, Recipe(Momentum = 0.9)] {Method}", "SSG155", "Momentum = 0.9" },
        { $"[Pretext(PretextKind.Rotation), Classification, Recipe(Optimizer = OptimizerKind.Lars, Beta2 = 0.99)] {Method}", "SSG155", "Beta2 = 0.99" },
        { $"[Pretext(PretextKind.Rotation), Classification, Recipe(FreezeLastLayerEpochs = 1)] {Method}", "SSG155", "FreezeLastLayerEpochs = 1" },
        { "[Recipe(LearningRate = 0.1)] public partial class M : SelfSupervisedMethod;", "SSG156", "Recipe(LearningRate = 0.1)" },
        { $"[Pretext(PretextKind.Rotation), Classification, Recipe(Optimizer = OptimizerKind.Lars, LarsTrust = 0.0)] {Method}", "SSG157", "LarsTrust = 0.0" },
        { $"[Pretext(PretextKind.Rotation), Classification, Recipe(Optimizer = OptimizerKind.Sgd, LarsTrust = 0.02)] {Method}", "SSG155", "LarsTrust = 0.02" },
        { $"[Pretext(PretextKind.Rotation), Classification, Recipe(LarsClip = true)] {Method}", "SSG155", "LarsClip = true" },
    };

    /// <summary>The declarations issue 16 found accepted but broken (generated code that does not compile, or a crash in the first step), and what reports them now.</summary>
    public static TheoryData<string, string[]> Issue16Declarations => new()
    {
        { "[Views(ViewAugmentation.MoCoV2, ViewAugmentation.MoCoV2), Projector(PerView = true), MomentumEncoder, Contrastive(Temperature = 0.2)]", ["SSG081"] },
        { "[Views(ViewAugmentation.ByolView1, ViewAugmentation.MoCoV2), Projector(PerView = true), Predictor, Bootstrap]", ["SSG081"] },
        { "[Views(ViewAugmentation.Cpc, ViewAugmentation.DinoGlobal2), Projector(PerView = true), VicReg]", ["SSG081"] },
        { "[Views(ViewAugmentation.MoCoV2), Projector(PerView = true), MomentumEncoder(Cosine = true), BarlowTwins]", ["SSG081", "SSG081", "SSG131"] },
        { "[Views(ViewAugmentation.MoCoV2), Projector, Predictor, Bootstrap]", ["SSG131"] },
        { "[Views(ViewAugmentation.ByolView1), Projector, BarlowTwins]", ["SSG131"] },
        { "[Views(ViewAugmentation.DinoGlobal1), Projector, MomentumEncoder(Cosine = true), BarlowTwins]", ["SSG081", "SSG131"] },
        { "[Views(ViewAugmentation.Jigsaw), Projector, MomentumEncoder(Cosine = true), Dino]", ["SSG114"] },
        { "[PredictiveCoding(Grid = 5, Steps = 9)]", ["SSG123"] },
    };

    private const string TwoViews = "Views(ViewAugmentation.SimClr, ViewAugmentation.SimClr)";
    private const string Method = "public partial class M : SelfSupervisedMethod;";
    private const string Adversarial = "public partial class M : AdversarialMethod;";

    public static TheoryData<string> LibraryMethods => [.. Declarations.LibraryNames];

    [Theory]
    [MemberData(nameof(BadDeclarations))]
    public async Task A_bad_declaration_is_reported_on_the_offending_text(string declaration, string id, string offendingText)
    {
        var diagnostic = Assert.Single(await Analyze(declaration));

        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(offendingText, diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        var help = new Uri(diagnostic.Descriptor.HelpLinkUri, UriKind.Absolute); // an IDE opens it from anywhere
        Assert.Equal("https", help.Scheme);
        Assert.EndsWith($"/docs/diagnostics.md#{id.ToLowerInvariant()}", help.AbsoluteUri);
    }

    [Theory]
    [MemberData(nameof(Issue16Declarations))]
    public async Task The_declarations_issue_16_found_broken_are_reported(string attributes, string[] ids)
    {
        var diagnostics = await Analyze($"{attributes} {Method}");

        Assert.Equal(ids, diagnostics.Select(d => d.Id).Order());
    }

    [Theory]
    [InlineData("[Pretext(PretextKind.Rotation), Classification] public partial class Spin : SelfSupervisedMethod;")]
    [InlineData("[Pretext(PretextKind.Rotation), Classification(Hidden = [], LabelSmoothing = 0.0)] public partial class Spin : SelfSupervisedMethod;")]
    [InlineData("[Pretext(PretextKind.Rotation), Classification(Hidden = [1], LabelSmoothing = 0.999)] public partial class Spin : SelfSupervisedMethod;")]
    [InlineData("[Views(ViewAugmentation.PaddedCrop), Pretext(PretextKind.Rotation), Classification] public partial class Spin : SelfSupervisedMethod;")]
    [InlineData("[Views(ViewAugmentation.Cmc), Pretext(PretextKind.ColorSplit), PixelClassification] public partial class Split : SelfSupervisedMethod;")]
    [InlineData("[Views(ViewAugmentation.PaddedCrop), Pretext(PretextKind.Inpaint), Reconstruction, Adversarial] public partial class Fill : AdversarialMethod;")]
    public async Task A_good_declaration_is_not_reported(string declaration)
    {
        Assert.Empty(await Analyze(declaration));
    }

    [Theory]
    [MemberData(nameof(LibraryMethods))]
    public async Task The_library_declarations_are_not_reported(string method)
    {
        Assert.Empty(await AnalyzeSource(Declarations.Library(method)));
    }

    [Theory]
    [InlineData($"[{TwoViews}, Projector, MomentumEncoder(Momentum = 0.0), Contrastive(Queue = 1, Temperature = 1e-9)] {Method}")]
    [InlineData($"[Views(ViewAugmentation.Cpc), Projector(Hidden = []), Contrastive(MemoryBank = 1, BankMomentum = 0.0)] {Method}")]
    [InlineData($"[{TwoViews}, Projector, Predictor(Hidden = []), Bootstrap] {Method}")]
    [InlineData($"[{TwoViews}, Projector, VicReg(Invariance = 0.0, Variance = 0.0, Covariance = 0.0)] {Method}")]
    [InlineData($"[PredictiveCoding(Grid = 3, Steps = 1, ContextWidth = 1)] {Method}")]
    [InlineData($"[Pretext(PretextKind.Jigsaw, Grid = 2, Permutations = 24, CropFraction = 1.0, Seed = -3), Classification] {Method}")]
    [InlineData($"[Pretext(PretextKind.Jigsaw, Grid = 3, Permutations = 362880), Classification] {Method}")]
    [InlineData($"[Pretext(PretextKind.Jigsaw, Grid = 5, Permutations = 1000), Classification] {Method}")]
    [InlineData($"[Pretext(PretextKind.Jigsaw, Grid = 3, Permutations = 20000), Classification] {Method}")]
    [InlineData($"[Pretext(PretextKind.Jigsaw, Grid = 4), Classification] {Method}")]
    [InlineData($"[PredictiveCoding(Grid = 5, Steps = 3)] {Method}")]
    [InlineData($"[Views(ViewAugmentation.DinoGlobal1, LocalCrops = 1), Projector, MomentumEncoder, Dino] {Method}")]
    [InlineData($"[Views(ViewAugmentation.DinoGlobal1, ViewAugmentation.DinoGlobal2, ViewAugmentation.Cpc), Projector, MomentumEncoder, Dino] {Method}")]
    [InlineData($"[Views(ViewAugmentation.Cpc), Projector, Contrastive(MemoryBank = 1)] {Method}")]
    [InlineData($"[Views(ViewAugmentation.Cpc, ViewAugmentation.Cpc), Projector, Contrastive(MemoryBank = 8)] {Method}")]
    [InlineData($"[Views(ViewAugmentation.Cpc, ViewAugmentation.Jigsaw), Projector(PerView = true), Contrastive(MemoryBank = 8)] {Method}")]
    [InlineData($"[Views(ViewAugmentation.Cpc), LabEncoders, Projector(PerView = true), Contrastive(MemoryBank = 8)] {Method}")]
    [InlineData($"[Pretext(PretextKind.Exemplar, Classes = 1, Seed = 7), Classification] {Method}")]
    [InlineData($"[Pretext(PretextKind.Inpaint, Probability = 1.0, Blocks = 1), Reconstruction] {Method}")]
    [InlineData($"[Pretext(PretextKind.Inpaint), Reconstruction(OutsideWeight = 0.0)] {Method}")]
    [InlineData($"[Pretext(PretextKind.Inpaint), Reconstruction(OutsideWeight = 1.0)] {Method}")]
    [InlineData($"[Pretext(PretextKind.Inpaint), Reconstruction, Adversarial(Weight = 0.0)] {Adversarial}")]
    [InlineData($"[Pretext(PretextKind.Latent, Features = 1), Adversarial] {Adversarial}")]
    [InlineData($"[Pretext(PretextKind.Denoise, DropRate = 0.0, PerChannel = true, NoiseSigma = 0.0), Reconstruction] {Method}")]
    [InlineData($"[Pretext(PretextKind.ColorSplit, LightnessBinSize = 50.0, ColorBinSize = 117.0), PixelClassification] {Method}")]
    [InlineData($"[Pretext(PretextKind.ColorSplit, LightnessBinSize = 0.5, ColorBinSize = 1e-3), PixelClassification] {Method}")]
    public async Task Boundary_values_are_not_reported(string declaration)
    {
        Assert.Empty(await Analyze(declaration));
    }

    [Fact]
    public void A_declaration_that_cannot_be_completed_is_explained_beside_the_compile_error_it_causes()
    {
        // csc runs no analyzers on a compilation with errors, so only the generator's report reaches the user.
        var run = GeneratorRun.Of(TestCompilation.Create(
            "using SelfishGen;\n\nnamespace Demo;\n\n[Pretext(PretextKind.Rotation)] public partial class Spin : SelfSupervisedMethod;\n"));

        Assert.Contains(run.Output.GetDiagnostics(), d => d.Id == "CS0534");
        Assert.Equal("SSG003", Assert.Single(run.Diagnostics).Id);
    }

    [Fact]
    public async Task Every_message_says_what_to_do()
    {
        var missing = Assert.Single(await Analyze("[Pretext(PretextKind.Rotation)] public partial class Spin : SelfSupervisedMethod;"));

        Assert.Equal("'Spin' declares a pretext task but no objective: add an objective such as [Classification] or [Reconstruction]", missing.GetMessage());
    }

    /// <summary>The SelfishGen diagnostics of <paramref name="declaration"/> (compiler errors it causes must not hide them).</summary>
    internal static Task<Diagnostic[]> Analyze(string declaration) =>
        AnalyzeSource($"using SelfishGen;\n\nnamespace Demo;\n\n{declaration}\n");

    // What a build reports: the generator's diagnostics, then the analyzer's on the compilation with the generated code.
    private static async Task<Diagnostic[]> AnalyzeSource(string source)
    {
        var run = GeneratorRun.Of(TestCompilation.Create(source));
        var analyzed = await run.Output.WithAnalyzers(SampleCompilation.Analyzers).GetAnalyzerDiagnosticsAsync();
        return [.. run.Diagnostics.Concat(analyzed).Where(d => d.Id.StartsWith("SSG", StringComparison.Ordinal))];
    }
}
