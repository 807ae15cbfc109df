using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SelfishGen.Generators.Model;
using SelfishGen.Generators.Tests.Infrastructure;

namespace SelfishGen.Generators.Tests;

/// <summary>
/// Methods made of pieces of the user's own (<c>[Views(typeof(...))]</c>, <c>[Objective]</c>, <c>[Backbone]</c>): the
/// example's are generated as approved, every combination the rules accept compiles, and those that fit are not reported.
/// </summary>
public class OwnPieceTests
{
    /// <summary>Types of a user's own that fit their parts, for declarations to name.</summary>
    internal const string Pieces = """
        public sealed class View : SelfishGen.Augmentations.IAugmentation
        {
            public TorchSharp.torch.Tensor Apply(TorchSharp.torch.Tensor images, TorchSharp.torch.Generator random) => images;
        }
        public sealed class ShapedView(SelfishGen.Data.ImageShape shape) : SelfishGen.Augmentations.IAugmentation
        {
            public int Side => shape.Height;
            public TorchSharp.torch.Tensor Apply(TorchSharp.torch.Tensor images, TorchSharp.torch.Generator random) => images;
        }
        [ViewCount(2)]
        public sealed class PairLoss : SelfishGen.Objectives.IViewObjective
        {
            public TorchSharp.torch.Tensor Loss(SelfishGen.Objectives.ObjectiveInputs inputs) => inputs.Embeddings[0].sum();
        }
        public sealed class AnyLoss(SelfishGen.Objectives.ObjectiveSetup setup) : SelfishGen.Objectives.IViewObjective
        {
            public double Temperature => setup.Temperature;
            public TorchSharp.torch.Tensor Loss(SelfishGen.Objectives.ObjectiveInputs inputs) => inputs.Embeddings[0].sum();
        }
        public sealed class Net(SelfishGen.Data.ImageShape input) : SelfishGen.Modules.Backbone("Net", input, 8)
        {
            public override TorchSharp.torch.Tensor FeatureMaps(TorchSharp.torch.Tensor images) => images;
        }
        public sealed class CopyableNet(SelfishGen.Data.ImageShape input) : SelfishGen.Modules.Backbone("CopyableNet", input, 8)
        {
            public override SelfishGen.Modules.Backbone Replicate(SelfishGen.Data.ImageShape shape) => new CopyableNet(shape);
            public override TorchSharp.torch.Tensor FeatureMaps(TorchSharp.torch.Tensor images) => images;
        }
        """;

    private const string Method = "public partial class M : SelfSupervisedMethod;";
    private const string TwoViews = "Views(typeof(View), typeof(ShapedView))";

    /// <summary>Declarations with a piece of the user's own that does not fit, what is reported, and on which text.</summary>
    public static TheoryData<string, string, string> BadDeclarations => new()
    {
        { $"[{TwoViews}, Projector, Objective(typeof(View))] {Method}", "SSG160", "typeof(View)" },
        { $"[Views(typeof(AnyLoss), typeof(View)), Projector, Objective(typeof(PairLoss))] {Method}", "SSG160", "typeof(AnyLoss)" },
        { $"[Backbone(typeof(View)), {TwoViews}, Projector, Objective(typeof(PairLoss))] {Method}", "SSG160", "typeof(View)" },
        { $"[Backbone(typeof(ShapedView)), Pretext(PretextKind.Rotation), Classification] {Method}", "SSG160", "typeof(ShapedView)" },
        {
            $"public abstract class Abstract : SelfishGen.Objectives.IViewObjective {{ public abstract TorchSharp.torch.Tensor Loss(SelfishGen.Objectives.ObjectiveInputs inputs); }} [{TwoViews}, Projector, Objective(typeof(Abstract))] {Method}",
            "SSG161", "typeof(Abstract)"
        },
        {
            $"public sealed class Generic<T> : SelfishGen.Objectives.IViewObjective {{ public TorchSharp.torch.Tensor Loss(SelfishGen.Objectives.ObjectiveInputs inputs) => inputs.Embeddings[0]; }} [{TwoViews}, Projector, Objective(typeof(Generic<>))] {Method}",
            "SSG161", "typeof(Generic<>)"
        },
        { $"[{TwoViews}, Projector, Objective(typeof(SelfishGen.Objectives.IViewObjective))] {Method}", "SSG161", "typeof(SelfishGen.Objectives.IViewObjective)" },
        {
            $"public sealed class NeedsTwo(int a, int b) : SelfishGen.Objectives.IViewObjective {{ public TorchSharp.torch.Tensor Loss(SelfishGen.Objectives.ObjectiveInputs inputs) => inputs.Embeddings[a + b]; }} [{TwoViews}, Projector, Objective(typeof(NeedsTwo))] {Method}",
            "SSG162", "typeof(NeedsTwo)"
        },
        {
            $"public sealed class Shapeless() : SelfishGen.Modules.Backbone(\"S\", new SelfishGen.Data.ImageShape(1, 8, 8), 8) {{ public override TorchSharp.torch.Tensor FeatureMaps(TorchSharp.torch.Tensor images) => images; }} [Backbone(typeof(Shapeless)), Pretext(PretextKind.Rotation), Classification] {Method}",
            "SSG162", "typeof(Shapeless)"
        },
        { $"[Backbone(typeof(Net)), {TwoViews}, Projector, MomentumEncoder, Objective(typeof(PairLoss))] {Method}", "SSG163", "typeof(Net)" },
        { $"[Backbone(typeof(Net)), Views(ViewAugmentation.SimClr, ViewAugmentation.SimClr), Projector, Predictor, MomentumEncoder, Bootstrap] {Method}", "SSG163", "typeof(Net)" },
        { $"[{TwoViews}, Projector, Objective(typeof(AnyLoss), Temperature = 0.0)] {Method}", "SSG164", "Temperature = 0.0" },
        { $"[{TwoViews}, Projector, Objective(typeof(AnyLoss), Queue = 0)] {Method}", "SSG165", "Queue = 0" },
        { $"[Views(typeof(View)), Projector, Objective(typeof(PairLoss))] {Method}", "SSG131", "Views(typeof(View))" },
        { $"[Views(ViewAugmentation.SimClr, ViewAugmentation.SimClr, ViewAugmentation.SimClr), Projector, Objective(typeof(PairLoss))] {Method}", "SSG131", "Views(ViewAugmentation.SimClr, ViewAugmentation.SimClr, ViewAugmentation.SimClr)" },
        { $"[Views, Projector, Objective(typeof(AnyLoss))] {Method}", "SSG131", "Views" },
        { $"[Backbone(typeof(CopyableNet))] {Method}", "SSG003", "M" },
        { $"[{TwoViews}, Objective(typeof(AnyLoss))] {Method}", "SSG003", "M" },
        { $"[{TwoViews}, Projector, Objective(typeof(PairLoss)), Contrastive] {Method}", "SSG080", "Contrastive" },
        { $"[{TwoViews}, Projector(PerView = true), Objective(typeof(PairLoss))] {Method}", "SSG081", "PerView = true" },
    };

    /// <summary>Declarations of the user's pieces that fit: none is reported, and each generates code that compiles.</summary>
    public static TheoryData<string> GoodDeclarations =>
    [
        $"[{TwoViews}, Projector, Predictor, Objective(typeof(PairLoss), Queue = 16)] {Method}",
        $"[{TwoViews}, Projector, Predictor, MomentumEncoder(Cosine = true), Objective(typeof(AnyLoss), Temperature = 0.5)] {Method}",
        $"[Views(typeof(View), typeof(View), typeof(View)), Projector, Objective(typeof(AnyLoss))] {Method}",
        $"[Views(ViewAugmentation.SimClr, ViewAugmentation.MoCoV2), Projector, Objective(typeof(PairLoss))] {Method}",
        $"[{TwoViews}, Projector, Contrastive] {Method}",
        $"[Views(typeof(View), LocalCrops = 2), Projector, MomentumEncoder, Dino] {Method}",
        $"[Backbone(typeof(CopyableNet)), {TwoViews}, Projector, Predictor, MomentumEncoder, Bootstrap] {Method}",
        $"[Backbone(typeof(Net)), Pretext(PretextKind.Rotation), Classification] {Method}",
        $"[Backbone(typeof(CopyableNet)), Pretext(PretextKind.ColorSplit), PixelClassification] {Method}",
        $"[Backbone(typeof(Net)), PredictiveCoding(Grid = 3, Steps = 1)] {Method}",
    ];

    [Theory]
    [InlineData("NNCLR")]
    [InlineData("SwAV")]
    public void The_example_methods_are_generated_as_approved(string method)
    {
        var run = GeneratorRun.Of(TestCompilation.Create(Declarations.CustomMethodExample));

        Assert.Empty(run.Diagnostics);
        Assert.Empty(Problems(run));
        Snapshot.Match(run.Source($"CustomMethod.{method}.g.cs"), method);
    }

    [Theory]
    [MemberData(nameof(BadDeclarations))]
    public async Task A_piece_that_does_not_fit_is_reported_on_it(string declaration, string id, string offendingText)
    {
        var diagnostic = Assert.Single(await DiagnosticTests.Analyze($"{Pieces}\n{declaration}"));

        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(offendingText, diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.EndsWith($"/docs/diagnostics.md#{id.ToLowerInvariant()}", diagnostic.Descriptor.HelpLinkUri);
    }

    [Theory]
    [MemberData(nameof(GoodDeclarations))]
    public async Task Pieces_that_fit_are_not_reported_and_compile(string declaration)
    {
        var source = $"using SelfishGen;\n\nnamespace Demo;\n\n{Pieces}\n{declaration}\n";

        Assert.Empty(await DiagnosticTests.Analyze($"{Pieces}\n{declaration}"));
        var run = GeneratorRun.Of(TestCompilation.Create(source));
        Assert.Empty(Problems(run));
    }

    [Fact]
    public void Messages_name_the_type_its_part_and_the_fix()
    {
        var messages = BadDeclarations.Take(3).Select(row => GeneratorRun.Of(TestCompilation.Create($"using SelfishGen;\nnamespace Demo;\n{Pieces}\n{row[0]}")).Diagnostics.Single().GetMessage());

        Assert.Equal(
            [
                "'M' declares View as its objective, but View does not implement SelfishGen.Objectives.IViewObjective: implement SelfishGen.Objectives.IViewObjective, or name another type",
                "'M' declares AnyLoss as its view pipeline, but AnyLoss does not implement SelfishGen.Augmentations.IAugmentation: implement SelfishGen.Augmentations.IAugmentation, or name another type",
                "'M' declares View as its backbone, but View does not derive from SelfishGen.Modules.Backbone: derive from SelfishGen.Modules.Backbone, or name another type",
            ],
            messages);
    }

    [Fact]
    public void Editing_a_type_of_its_own_in_another_file_regenerates_the_method_only_when_its_constructor_changes()
    {
        var loss = "public sealed class Loss(SelfishGen.Objectives.ObjectiveSetup setup) : SelfishGen.Objectives.IViewObjective { public TorchSharp.torch.Tensor Loss(SelfishGen.Objectives.ObjectiveInputs inputs) => inputs.Embeddings[0].sum(); public double T => setup.Temperature; }";
        var method = $"using SelfishGen;\nnamespace Demo;\n[Views(ViewAugmentation.SimClr, ViewAugmentation.SimClr), Projector, Objective(typeof(Loss))] {Method}";
        var compilation = TestCompilation.Create(method, $"namespace Demo;\n{loss}");
        var first = GeneratorRun.Of(compilation);

        var body = first.Then(ReplaceSecond(compilation, $"namespace Demo;\n{loss.Replace("inputs.Embeddings[0].sum()", "inputs.Embeddings[1].sum()")}"));
        var constructor = body.Then(ReplaceSecond(compilation, $"namespace Demo;\n{loss.Replace("(SelfishGen.Objectives.ObjectiveSetup setup)", "").Replace("setup.Temperature", "0")}"));

        Assert.Contains("new global::Demo.Loss(new global::SelfishGen.Objectives.ObjectiveSetup(", first.Source("Demo.M.g.cs"));
        Assert.All(Reasons(body), reason => Assert.Contains(reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(constructor));
        Assert.Contains("_objective = new global::Demo.Loss();", constructor.Source("Demo.M.g.cs"));
    }

    [Fact]
    public void The_example_follows_the_scalar_rule_of_the_library()
    {
        var findings = Library.ScalarUses.Find(GeneratorRun.Of(TestCompilation.Create(Declarations.CustomMethodExample)).Output);

        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    private static IncrementalStepRunReason[] Reasons(GeneratorRun run) =>
        [.. run.Result.TrackedSteps[TrackingNames.Methods].SelectMany(step => step.Outputs).Select(output => output.Reason)];

    private static Compilation ReplaceSecond(Compilation compilation, string source) =>
        compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.ElementAt(1), CSharpSyntaxTree.ParseText(source, TestCompilation.ParseOptions, path: "Loss.cs"));

    // The errors of the compilation, and the warnings in the generated code.
    private static IEnumerable<string> Problems(GeneratorRun run) =>
        run.Output.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error || (d.Severity == DiagnosticSeverity.Warning && d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true))
            .Select(d => d.ToString());

    [Fact]
    public void The_model_holds_the_user_types_by_name()
    {
        var run = GeneratorRun.Of(TestCompilation.Create(Declarations.CustomMethodExample));
        var swav = run.Result.TrackedSteps[TrackingNames.Methods].SelectMany(step => step.Outputs).Select(output => output.Value).OfType<MethodModel>().Single(method => method.Name == "SwAV");

        Assert.Equal([new OwnType("global::CustomMethod.SmallImageView", TakesArgument: true, IsModule: false), new OwnType("global::CustomMethod.SmallImageView", true, false)], swav.Composition.ViewTypes);
        Assert.Equal(new OwnType("global::CustomMethod.SwavLoss", TakesArgument: true, IsModule: true), swav.Composition.OwnObjective);
        Assert.Equal(new OwnType("global::CustomMethod.GroupNormConvNet", TakesArgument: true, IsModule: true), swav.Composition.OwnBackbone);
    }
}
